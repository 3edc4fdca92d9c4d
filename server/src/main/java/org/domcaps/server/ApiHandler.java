// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.DomCapsException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The routes of the service. Documents carry a strong ETag and answer {@code If-None-Match} with
 * 304; every refusal is a JSON error body ({@link ErrorBody}). Answers come from the current
 * {@link Generation}; while a newer one is being built the response says so in {@value
 * #REFRESHING}.
 */
final class ApiHandler extends Handler.Abstract {
  static final String REFRESHING = "X-Domcaps-Refreshing";
  static final String GENERATION = "X-Domcaps-Generation";
  static final String REFUSED = "X-Domcaps-Refused";

  private static final Set<String> DOMCAPS_PARAMS =
      Set.of("virttype", "arch", "machine", "emulatorbin", "libvirt", "format");
  private static final Set<String> ALL_PARAMS = Set.of("machine", "libvirt", "format");
  private static final Set<String> FORMAT_PARAM = Set.of("format");
  private static final HttpField CACHE_CONTROL =
      new HttpField(HttpHeader.CACHE_CONTROL, "no-cache");
  private static final HttpField VARY = new HttpField(HttpHeader.VARY, "Accept");

  private final WarmAnswers answers;
  private final Metrics metrics;
  private final PostEndpoints posts;
  private final ServeSettings settings;

  ApiHandler(WarmAnswers answers, Metrics metrics, PostEndpoints posts, ServeSettings settings) {
    this.answers = answers;
    this.metrics = metrics;
    this.posts = posts;
    this.settings = settings;
  }

  /** The route label of a path for metrics and the access log (a fixed set of values). */
  static String route(String path) {
    return switch (path) {
      case "/healthz", "/metrics", "/v1/domcaps", "/v1/domcaps/all", "/v1/emulators" -> path;
      default -> PostEndpoints.RESERVED.contains(path) ? path : "other";
    };
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      serve(request, response, callback);
    } catch (Refusal r) {
      send(response, callback, r.status, ErrorBody.of(r.status, r.getMessage()), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(response, callback, 503, ErrorBody.of(503, "the service is shutting down"),
          Optional.empty());
    }
    return true;
  }

  private void serve(Request request, Response response, Callback callback)
      throws Refusal, InterruptedException {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    long length = request.getLength();
    if (length > settings.maxBodyBytes) {
      throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE_413, "request body of " + length
          + " bytes is over the limit of " + settings.maxBodyBytes + " bytes");
    }
    if (path == null) {
      throw new Refusal(400, "malformed request path");
    }
    if (posts.known(path)) {
      if (!method.equals("POST")) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST");
        throw new Refusal(405, method + " " + path + ": expected POST");
      }
      post(path, request, response, callback);
      return;
    }
    boolean get = method.equals("GET") || method.equals("HEAD");
    switch (path) {
      case "/healthz" -> {
        requireGet(get, method, path, response);
        health(request, response, callback);
      }
      case "/metrics" -> {
        requireGet(get, method, path, response);
        params(request, Set.of());
        send(response, callback, 200,
            Document.utf8(metrics.text(), "text/plain; version=0.0.4; charset=utf-8"),
            Optional.empty());
      }
      case "/v1/domcaps" -> {
        requireGet(get, method, path, response);
        domcaps(request, response, callback);
      }
      case "/v1/domcaps/all" -> {
        requireGet(get, method, path, response);
        all(request, response, callback);
      }
      case "/v1/emulators" -> {
        requireGet(get, method, path, response);
        Map<String, String> q = params(request, FORMAT_PARAM);
        if (q.containsKey("format") && !q.get("format").equals("json")) {
          throw new Refusal(400, "/v1/emulators is JSON only: format="
              + ErrorBody.quote(q.get("format"))
              + " is not json");
        }
        Generation g = generation();
        document(request, response, callback, g,
            g.memo("emulators", () -> EmulatorList.render(g)), refreshingHeaders(g));
      }
      default -> throw new Refusal(404, "no such resource: " + ErrorBody.quote(path)
          + "; expected /v1/domcaps, /v1/domcaps/all, /v1/emulators, /healthz or /metrics");
    }
  }

  private static void requireGet(boolean get, String method, String path, Response response)
      throws Refusal {
    if (!get) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      throw new Refusal(405, method + " " + path + ": expected GET or HEAD");
    }
  }

  private void health(Request request, Response response, Callback callback) throws Refusal {
    params(request, Set.of());
    Optional<Generation> g = answers.current();
    String body = g.isEmpty()
        ? "{\n  \"status\": \"starting\"\n}\n"
        : "{\n  \"status\": \"ok\",\n  \"generation\": " + g.get().number + ",\n  \"refreshing\": "
            + answers.refreshing() + ",\n  \"emulators\": " + g.get().emulators.size() + "\n}\n";
    send(response, callback, g.isEmpty() ? 503 : 200, Document.utf8(body, "application/json"),
        Optional.empty());
  }

  private void domcaps(Request request, Response response, Callback callback)
      throws Refusal, InterruptedException {
    Map<String, String> q = params(request, DOMCAPS_PARAMS);
    LibvirtVersion libvirt = requireLibvirt(q.get("libvirt"));
    Format format = format(request, q.get("format"));
    String bin = q.get("emulatorbin");
    Generation g = generation();
    if (bin != null && !g.emulators.containsKey(bin) && answers.refreshing()) {
      g = answers.awaitRefreshed(settings.waitForAnswer); // it may be an emulator being added
    }
    if (bin != null && !settings.allowAnyEmulator && !g.emulators.containsKey(bin)) {
      throw new Refusal(403, "emulatorbin " + ErrorBody.quote(bin) + " is not an installed "
          + "emulator of this service: expected one of " + g.binaries()
          + " (start the service with --allow-any-emulator to probe any binary)");
    }
    Query query = new Query(bin, q.get("arch"), q.get("machine"), q.get("virttype"), libvirt,
        format);
    Document d;
    try {
      d = g.domcaps(query);
    } catch (DomCapsException e) {
      // A malformed request (invalid argument) is refused by any generation; anything else may
      // be answered by the one being built (a new emulator, a repaired binary): wait for it.
      if (!answers.refreshing() || e.code() == DomCapsException.Code.INVALID_ARG) {
        throw refusal(e);
      }
      g = answers.awaitRefreshed(settings.waitForAnswer);
      try {
        d = g.domcaps(query);
      } catch (DomCapsException again) {
        throw refusal(again);
      }
    }
    document(request, response, callback, g, d, refreshingHeaders(g, libvirt));
  }

  private void all(Request request, Response response, Callback callback)
      throws Refusal, InterruptedException {
    Map<String, String> q = params(request, ALL_PARAMS);
    LibvirtVersion libvirt = requireLibvirt(q.get("libvirt"));
    Format format = format(request, q.get("format"));
    Generation g = generation();
    Generation.AllAnswers a = g.allMemo(q.get("machine"), libvirt, format);
    Map<String, String> headers = refreshingHeaders(g, libvirt);
    if (!a.refusals().isEmpty()) {
      // The CLI prints these on stderr and exits 1; the body stays what it prints on stdout.
      headers.put(REFUSED, String.valueOf(a.refusals().size()));
    }
    document(request, response, callback, g, a.document(), headers);
  }

  private void post(String path, Request request, Response response, Callback callback)
      throws Refusal, InterruptedException {
    Optional<PostEndpoint> endpoint = posts.find(path);
    if (endpoint.isEmpty()) {
      throw new Refusal(501, "POST " + path + " is not available in this build of domcaps serve");
    }
    Map<String, String> q = params(request, null);
    byte[] body;
    try {
      body = Content.Source.asByteArrayAsync(request, settings.maxBodyBytes).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE_413, "request body is over the limit of "
          + settings.maxBodyBytes + " bytes or could not be read: " + e.getCause().getMessage());
    }
    Generation g = generation();
    PostEndpoint.Answers view = new PostEndpoint.Answers() {
      @Override
      public Document domcaps(String bin, String arch, String machine, String virtType,
          Format format) throws DomCapsException {
        return g.domcaps(new Query(bin, arch, machine, virtType, g.defaultLibvirt, format));
      }

      @Override
      public LibvirtVersion libvirt(String param) throws PostRefusal {
        try {
          return requireLibvirt(param);
        } catch (Refusal r) {
          throw new PostRefusal(r.status, r.getMessage());
        }
      }

      @Override
      public org.domcaps.qemu.api.Options options(LibvirtVersion libvirt) {
        org.domcaps.qemu.api.Options o = g.options(libvirt);
        if (settings.allowAnyEmulator) {
          return o;
        }
        // An operation naming an emulator (a definition's <emulator>, cpu-baseline's emulator=)
        // must not make the service execute an arbitrary path, as for GET /v1/domcaps.
        return o.restrictedTo(g.emulators.keySet(), b -> "emulator " + ErrorBody.quote(b)
            + " is not an installed emulator of this service: expected one of " + g.binaries()
            + " (start the service with --allow-any-emulator to probe any binary)");
      }

      @Override
      public String header(String name) {
        return request.getHeaders().get(name);
      }
    };
    PostEndpoint.Reply reply;
    try {
      reply = endpoint.get()
          .handle(body, request.getHeaders().get(HttpHeader.CONTENT_TYPE), q, view);
    } catch (PostRefusal e) {
      throw new Refusal(e.status(), e.getMessage());
    } catch (DomCapsException e) {
      throw refusal(e);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new Refusal(500, "POST " + path + " failed: " + e);
    }
    reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    send(response, callback, reply.status(), reply.document(), Optional.empty());
  }

  private Generation generation() throws Refusal, InterruptedException {
    return answers.await(settings.waitForAnswer).orElseThrow(() -> new Refusal(503,
        "the service is still probing the installed emulators; retry shortly"));
  }

  private Map<String, String> refreshingHeaders(Generation g) {
    return refreshingHeaders(g, g.defaultLibvirt);
  }

  private Map<String, String> refreshingHeaders(Generation g, LibvirtVersion libvirt) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(GENERATION, String.valueOf(g.number));
    if (answers.refreshing(libvirt)) {
      h.put(REFRESHING, "true");
    }
    return h;
  }

  /** libvirt's refusal: its own error text; an operating-system or internal error is ours (500). */
  private static Refusal refusal(DomCapsException e) {
    int status = switch (e.code()) {
      case INVALID_ARG -> 400;
      case CONFIG_UNSUPPORTED, NOT_QEMU -> 422;
      case INTERNAL_ERROR, SYSTEM_ERROR -> 500;
    };
    return new Refusal(status, e.getMessage());
  }

  /**
   * The release a request asks for: {@code libvirt=X.Y} (or X.Y.Z naming a supported release), as
   * the CLI's {@code --libvirt} reads it; absent, the service's default (the CLI's default).
   */
  private LibvirtVersion requireLibvirt(String v) throws Refusal {
    if (v == null) {
      return settings.defaultLibvirt;
    }
    LibvirtVersion version;
    try {
      version = LibvirtVersion.parse(v);
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, "libvirt=" + ErrorBody.quote(v) + ": " + e.getMessage());
    }
    for (LibvirtVersion s : settings.releases) {
      if (s.major() == version.major() && s.minor() == version.minor()
          && (version.micro() == 0 || version.micro() == s.micro())) {
        return s;
      }
    }
    StringBuilder served = new StringBuilder();
    for (LibvirtVersion s : settings.releases) {
      served.append(served.length() == 0 ? "" : ", ").append(s.major()).append('.')
          .append(s.minor());
    }
    throw new Refusal(400, "libvirt=" + ErrorBody.quote(v) + ": not a release this service "
        + "answers as: expected one of " + served);
  }

  /** {@code ?format=} wins; else the Accept header; else XML, as the CLI. */
  private static Format format(Request request, String param) throws Refusal {
    if (param != null) {
      return switch (param) {
        case "xml" -> Format.XML;
        case "json" -> Format.JSON;
        default -> throw new Refusal(400, "format=" + ErrorBody.quote(param)
            + ": expected xml or json");
      };
    }
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return Format.XML;
    }
    // The first listed form we have wins (q-values are not weighed: clients ask for one form).
    for (String part : accept.split(",")) {
      String type = part.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
      switch (type) {
        case "application/json":
          return Format.JSON;
        case "application/xml", "text/xml", "*/*", "application/*":
          return Format.XML;
        default:
          break;
      }
    }
    throw new Refusal(406, "Accept: " + ErrorBody.quote(accept)
        + " names no form of this document: expected application/xml or application/json");
  }

  /**
   * The query parameters, each at most once and each one of {@code allowed} (null: any).
   */
  private static Map<String, String> params(Request request, Set<String> allowed) throws Refusal {
    String raw = request.getHttpURI().getQuery();
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw new Refusal(400, "malformed query string " + ErrorBody.quote(raw) + ": "
          + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Fields.Field f : fields) {
      if (allowed != null && !allowed.contains(f.getName())) {
        throw new Refusal(400, "unknown query parameter " + ErrorBody.quote(f.getName())
            + ": expected "
                + (allowed.isEmpty() ? "none"
                    : String.join(", ", new java.util.TreeSet<>(allowed))));
      }
      List<String> values = f.getValues();
      if (values.size() != 1) {
        throw new Refusal(400, "query parameter " + ErrorBody.quote(f.getName())
            + " is given " + values.size() + " times: expected it once");
      }
      out.put(f.getName(), values.get(0));
    }
    return out;
  }

  /** A document with its ETag; 304 without a body when the client has it already. */
  private static void document(Request request, Response response, Callback callback,
      Generation g, Document d, Map<String, String> headers) {
    response.getHeaders().add(CACHE_CONTROL).add(VARY);
    headers.forEach((k, v) -> response.getHeaders().put(k, v));
    String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
    if (inm != null && matches(inm, d.etag())) {
      response.setStatus(304);
      response.getHeaders().put(HttpHeader.ETAG, d.etag());
      response.write(true, null, callback);
      return;
    }
    send(response, callback, 200, d, Optional.of(d.etag()));
  }

  /** If-None-Match: {@code *} or a list of (possibly weak) tags; weak comparison (RFC 9110). */
  static boolean matches(String ifNoneMatch, String etag) {
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static void send(Response response, Callback callback, int status, Document d,
      Optional<String> etag) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, d.contentType());
    etag.ifPresent(e -> response.getHeaders().put(HttpHeader.ETAG, e));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, d.body().length);
    response.write(true, ByteBuffer.wrap(d.body()), callback);
  }

  /** A refused request: the status and the message of its JSON error body. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }
}

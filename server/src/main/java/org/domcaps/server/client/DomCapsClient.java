// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client of a running {@code domcaps serve}, over its Unix socket or TCP, with the JDK alone
 * (the JDK's HttpClient has no Unix-socket transport). One connection per call ({@code
 * Connection: close}), a deadline on every call. Thread-safe.
 *
 * <pre>{@code
 * DomCapsClient c = DomCapsClient.unix(Path.of("/run/domcaps/domcaps.sock"));
 * String xml = c.domcaps(Map.of("virttype", "qemu", "arch", "x86_64"), "xml");
 * }</pre>
 */
public final class DomCapsClient {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "domcaps-client-deadline");
        t.setDaemon(true);
        return t;
      });

  private final SocketAddress address;
  private final String host;
  private final Duration timeout;

  private DomCapsClient(SocketAddress address, String host, Duration timeout) {
    this.address = address;
    this.host = host;
    this.timeout = timeout;
  }

  /** A client of the service listening on a Unix socket. */
  public static DomCapsClient unix(Path socket) {
    return new DomCapsClient(UnixDomainSocketAddress.of(socket), "localhost",
        Duration.ofSeconds(60));
  }

  /** A client of the service listening on TCP. */
  public static DomCapsClient tcp(String hostName, int port) {
    return new DomCapsClient(new InetSocketAddress(hostName, port), hostName + ":" + port,
        Duration.ofSeconds(60));
  }

  /**
   * The service at its default socket ({@code /run/domcaps/domcaps.sock}, else {@code
   * $XDG_RUNTIME_DIR/domcaps.sock}) when that socket exists.
   */
  public static Optional<DomCapsClient> atDefaultSocket() {
    String xdg = System.getenv("XDG_RUNTIME_DIR");
    for (Path p : new Path[] {Path.of("/run/domcaps/domcaps.sock"),
        xdg == null || xdg.isEmpty() ? null : Path.of(xdg, "domcaps.sock")}) {
      if (p != null && Files.exists(p)) {
        return Optional.of(unix(p));
      }
    }
    return Optional.empty();
  }

  /** The same client with another deadline per call. */
  public DomCapsClient withTimeout(Duration t) {
    return new DomCapsClient(address, host, t);
  }

  /**
   * What {@code domcaps} prints for a request: {@code query} holds virsh's options by their
   * query names ({@code virttype}, {@code arch}, {@code machine}, {@code emulatorbin}).
   *
   * @param format {@code xml} or {@code json}
   * @throws DomCapsServiceException the service's refusal (status and libvirt's message)
   */
  public String domcaps(Map<String, String> query, String format)
      throws IOException, DomCapsServiceException {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put("format", format);
    return get("/v1/domcaps" + queryString(q)).requireOk().text();
  }

  /** {@code GET /v1/emulators}: the installed emulators as JSON. */
  public String emulators() throws IOException, DomCapsServiceException {
    return get("/v1/emulators").requireOk().text();
  }

  /**
   * {@code POST /v1/check}: what {@code domcaps check FILE} prints for the domain definition
   * {@code xml}, checked against the service's host; {@code query} takes {@code format}
   * (text|json) and {@code name} (what stands for FILE). The reply's {@code X-Domcaps-Exit}
   * header is the command's exit status (0 runs, 1 refused).
   *
   * @throws DomCapsServiceException the definition cannot be read (400) or its request cannot
   *     be answered (422)
   */
  public HttpReply check(byte[] xml, Map<String, String> query)
      throws IOException, DomCapsServiceException {
    return post("/v1/check" + queryString(query), xml, "application/xml").requireOk();
  }

  /**
   * {@code POST /v1/pool}: what {@code domcaps pool A B ...} prints for the documents (XML or
   * JSON form, each under the name it is reported by).
   *
   * @param format xml or json
   * @throws DomCapsServiceException a document cannot be read (400) or the documents cannot be
   *     pooled (422)
   */
  public String pool(Map<String, byte[]> documents, String format)
      throws IOException, DomCapsServiceException {
    return postDocuments("/v1/pool", documents, format).requireOk().text();
  }

  /**
   * {@code POST /v1/diff}: what {@code domcaps diff A B} prints; {@code X-Domcaps-Exit} is 0
   * when the documents are equal, 1 when not.
   *
   * @param format text or json
   */
  public HttpReply diff(String nameA, byte[] a, String nameB, byte[] b, String format)
      throws IOException, DomCapsServiceException {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put(nameA, a);
    docs.put(nameB, b);
    if (docs.size() != 2) {
      throw new IllegalArgumentException("diff takes two documents of different names, got "
          + nameA + " twice");
    }
    return postDocuments("/v1/diff", docs, format).requireOk();
  }

  /**
   * {@code POST /v1/cpu-baseline}: what {@code domcaps cpu-baseline FILE} (virsh
   * hypervisor-cpu-baseline) prints for the file's text {@code xml}; {@code query} takes virsh's
   * options by name ({@code virttype}, {@code emulator}, {@code arch}, {@code machine}, {@code
   * features}, {@code migratable}, as {@code "true"}), {@code libvirt}, {@code format}
   * (xml|json) and {@code name}.
   *
   * @throws DomCapsServiceException libvirt's refusal (422, its message)
   */
  public HttpReply cpuBaseline(byte[] xml, Map<String, String> query)
      throws IOException, DomCapsServiceException {
    return post("/v1/cpu-baseline" + queryString(query), xml, "application/xml").requireOk();
  }

  /**
   * {@code POST /v1/cpu-compare}: what {@code domcaps cpu-compare FILE} prints; options as for
   * {@link #cpuBaseline} with {@code error} and {@code validate}, {@code format} text|json.
   * {@code X-Domcaps-Exit} is 1 when the CPU is incompatible.
   */
  public HttpReply cpuCompare(byte[] xml, Map<String, String> query)
      throws IOException, DomCapsServiceException {
    return post("/v1/cpu-compare" + queryString(query), xml, "application/xml").requireOk();
  }

  /** The documents as a multipart/form-data body, one a part, named by their keys. */
  private HttpReply postDocuments(String path, Map<String, byte[]> documents, String format)
      throws IOException {
    String boundary = "domcaps-" + Long.toHexString(System.nanoTime())
        + Long.toHexString(Double.doubleToLongBits(Math.random()));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int i = 0;
    for (Map.Entry<String, byte[]> d : documents.entrySet()) {
      String name = d.getKey().replace("\"", "%22").replace("\r", "").replace("\n", "");
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc"
          + (++i) + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream"
          + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(d.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post(path + queryString(Map.of("format", format)), body.toByteArray(),
        "multipart/form-data; boundary=" + boundary);
  }

  /** A GET of {@code pathAndQuery}; any status is returned. */
  public HttpReply get(String pathAndQuery, String... headerPairs) throws IOException {
    return exchange("GET", pathAndQuery, null, null, headerPairs);
  }

  /** A POST of {@code body} with more headers (name, value pairs); any status is returned. */
  public HttpReply post(String path, byte[] body, String contentType, String... headerPairs)
      throws IOException {
    return exchange("POST", path, body, contentType, headerPairs);
  }

  /** {@code ?k=v&...}, percent-encoded; empty for no parameters. */
  public static String queryString(Map<String, String> q) {
    if (q.isEmpty()) {
      return "";
    }
    StringJoiner j = new StringJoiner("&", "?", "");
    q.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  private HttpReply exchange(String method, String target, byte[] body, String contentType,
      String... headerPairs) throws IOException {
    if (headerPairs.length % 2 != 0) {
      throw new IllegalArgumentException("headers come as name, value pairs");
    }
    StringBuilder req = new StringBuilder(method).append(' ').append(target)
        .append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nConnection: close\r\n");
    for (int i = 0; i < headerPairs.length; i += 2) {
      req.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
    }
    if (body != null) {
      req.append("Content-Length: ").append(body.length).append("\r\n");
      if (contentType != null) {
        req.append("Content-Type: ").append(contentType).append("\r\n");
      }
    }
    req.append("\r\n");
    try (SocketChannel ch = SocketChannel.open(address instanceof UnixDomainSocketAddress
        ? StandardProtocolFamily.UNIX : familyOf((InetSocketAddress) address))) {
      // Blocking channels have no read timeout: a watchdog closes the channel at the deadline.
      ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
        try {
          ch.close();
        } catch (IOException e) {
          // already closed
        }
      }, timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        ch.connect(address);
        write(ch, req.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          try {
            write(ch, body);
          } catch (IOException refusedEarly) {
            // The server may answer (413) and close before the body is sent: read its answer.
          }
        }
        return HttpReply.read(new java.io.BufferedInputStream(Channels.newInputStream(ch)),
            method.equals("HEAD"));
      } catch (IOException e) {
        if (!ch.isOpen() && deadline.isDone()) {
          throw new IOException(method + " " + target + ": no answer within " + timeout, e);
        }
        throw e;
      } finally {
        deadline.cancel(false);
      }
    }
  }

  private static StandardProtocolFamily familyOf(InetSocketAddress a) {
    return a.getAddress() instanceof java.net.Inet6Address
        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  private static void write(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Reads an InputStream to its end (bounded by the caller's deadline). */
  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}

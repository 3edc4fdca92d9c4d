// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.VirshHypervisorCpu;
import org.domcaps.hosts.diff.CapsDiff;
import org.domcaps.hosts.diff.DiffReport;
import org.domcaps.hosts.diff.Difference;
import org.domcaps.hosts.pool.PoolException;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.server.Document;
import org.domcaps.server.PostBodies;
import org.domcaps.server.PostEndpoint;
import org.domcaps.server.PostEndpoints;
import org.domcaps.server.PostRefusal;

/**
 * The {@code POST} operations of {@code domcaps serve}: the commands {@code check}, {@code pool},
 * {@code diff}, {@code cpu-baseline} and {@code cpu-compare} on documents sent in the request,
 * answering with what the command prints on standard output (byte for byte) and its exit status
 * in {@value #EXIT}. They live here, beside the commands, because the check's live rules and
 * the commands' printing are the CLI's; the server module only carries HTTP.
 *
 * <ul>
 *   <li>{@code POST /v1/check?format=text|json&name=NAME}: the body is one domain definition,
 *       checked against this host as {@code domcaps check FILE} (NAME stands for FILE in the
 *       findings; default {@value #DEFAULT_NAME}). 200 with the findings (exit 0 runs, 1 refused);
 *       400 when the definition cannot be read, 422 when its request cannot be answered.
 *   <li>{@code POST /v1/pool?format=xml|json} and {@code POST /v1/diff?format=text|json}: a
 *       {@code multipart/form-data} body, one capabilities document (XML or JSON) a part, in
 *       order ({@code curl -F a=@A.xml -F b=@B.xml}); a part is named by its file name. diff
 *       takes exactly two (exit 0 equal, 1 different).
 * <li>{@code POST /v1/cpu-baseline?virttype=&emulator=&arch=&machine=&features&migratable&libvirt=}
 *       and {@code POST /v1/cpu-compare?...&error&validate&libvirt=}: the body is the file virsh
 *       would read (CPU elements, domain XML, host or domain capabilities). Answers as XML/text
 *       (virsh's output) or JSON ({@code {"cpu": XML}}; {@code {"result": ..., "message": ...}});
 *       libvirt's refusals are 422 with libvirt's message (the lines virsh prints after
 *       {@code error: }).
 * </ul>
 *
 * Flags ({@code features}, {@code migratable}, {@code error}, {@code validate}) take no value,
 * or {@code true}/{@code false}. Every other parameter is refused with 400, like a malformed
 * body; a form neither {@code format} nor {@code Accept} allows with 400 / 406.
 */
final class ServedCommands {
  /** The exit status the command would have had. */
  static final String EXIT = "X-Domcaps-Exit";
  /** What stands for the file name in an answer when the request gives none. */
  static final String DEFAULT_NAME = "request body";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<String>> TEXT_OR_JSON = forms("text",
      List.of("text/plain"), "json", List.of("application/json"));
  private static final Map<String, List<String>> XML_OR_JSON = forms("xml",
      List.of("application/xml", "text/xml"), "json", List.of("application/json"));
  private static final Set<String> HYPERVISOR = Set.of("virttype", "emulator", "arch", "machine",
      "libvirt", "format", "name");

  private ServedCommands() {}

  /** The five operations, registered at their paths. */
  static PostEndpoints endpoints() {
    return new PostEndpoints()
        .register("/v1/check", ServedCommands::check)
        .register("/v1/pool", ServedCommands::pool)
        .register("/v1/diff", ServedCommands::diff)
        .register("/v1/cpu-baseline", ServedCommands::baseline)
        .register("/v1/cpu-compare", ServedCommands::compare);
  }

  static PostEndpoint.Reply check(byte[] body, String type, Map<String, String> q,
      PostEndpoint.Answers answers) throws PostRefusal {
    allow(q, Set.of("format", "name"));
    boolean json = PostBodies.form(q.get("format"), answers.header("Accept"), TEXT_OR_JSON)
        .equals("json");
    Path name = Path.of(q.getOrDefault("name", DEFAULT_NAME));
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    CheckReport report = new CheckReport(out, json);
    // The check command asks the host as libvirt 9.0 (it takes no --libvirt).
    HostTargets host = new HostTargets(answers.options(LibvirtVersion.V9_0));
    int exit =
        CheckCommand.check(name, () -> new DomainXmlReader().read(new ByteArrayInputStream(body)),
        List.of(), host, report, out, false);
    out.flush();
    if (exit == 2) {
      String problem = report.lastUnchecked;
      throw new PostRefusal(problem.contains(": cannot check the request ") ? 422 : 400, problem);
    }
    return reply(text.toString(), json ? "application/json" : "text/plain; charset=utf-8", exit);
  }

  static PostEndpoint.Reply pool(byte[] body, String type, Map<String, String> q,
      PostEndpoint.Answers answers) throws PostRefusal {
    allow(q, Set.of("format"));
    String form = PostBodies.form(q.get("format"), answers.header("Accept"), XML_OR_JSON);
    List<DocumentFile.Read> docs = documents(body, type, 1, Integer.MAX_VALUE, "/v1/pool");
    OutputFormat format = form.equals("json") ? OutputFormat.JSON : OutputFormat.XML;
    try {
      return reply(PoolCommand.render(docs, format), format == OutputFormat.JSON
          ? "application/json" : "application/xml", 0);
    } catch (PoolException e) {
      throw new PostRefusal(422, e.getMessage());
    }
  }

  static PostEndpoint.Reply diff(byte[] body, String type, Map<String, String> q,
      PostEndpoint.Answers answers) throws PostRefusal {
    allow(q, Set.of("format"));
    boolean json = PostBodies.form(q.get("format"), answers.header("Accept"), TEXT_OR_JSON)
        .equals("json");
    List<DocumentFile.Read> docs = documents(body, type, 2, 2, "/v1/diff");
    List<Difference> differences = CapsDiff.of(docs.get(0).caps(), docs.get(1).caps());
    return reply(json ? DiffReport.json(differences) : DiffReport.text(differences),
        json ? "application/json" : "text/plain; charset=utf-8", differences.isEmpty() ? 0 : 1);
  }

  static PostEndpoint.Reply baseline(byte[] body, String type, Map<String, String> q,
      PostEndpoint.Answers answers) throws PostRefusal {
    Set<String> allowed = new TreeSet<>(HYPERVISOR);
    allowed.addAll(Set.of("features", "migratable"));
    allow(q, allowed);
    boolean json = PostBodies.form(q.get("format"), answers.header("Accept"), XML_OR_JSON)
        .equals("json");
    LibvirtVersion release = answers.libvirt(q.get("libvirt"));
    VirshHypervisorCpu.Answer a = new VirshHypervisorCpu(release).baseline(text(body),
        q.getOrDefault("name", DEFAULT_NAME), lookup(q, answers, release), flag(q, "features"),
        flag(q, "migratable"));
    if (a.status() != 0) {
      throw new PostRefusal(422, libvirtMessage(a.err()));
    }
    if (!json) {
      return reply(a.out(), "application/xml", 0);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("cpu", a.out().substring(0, a.out().length() - 1)); // virsh's empty line after it
    return reply(print(o), "application/json", 0);
  }

  static PostEndpoint.Reply compare(byte[] body, String type, Map<String, String> q,
      PostEndpoint.Answers answers) throws PostRefusal {
    Set<String> allowed = new TreeSet<>(HYPERVISOR);
    allowed.addAll(Set.of("error", "validate"));
    allow(q, allowed);
    boolean json = PostBodies.form(q.get("format"), answers.header("Accept"), TEXT_OR_JSON)
        .equals("json");
    LibvirtVersion release = answers.libvirt(q.get("libvirt"));
    String name = q.getOrDefault("name", DEFAULT_NAME);
    VirshHypervisorCpu.Answer a = new VirshHypervisorCpu(release).compare(text(body), name,
        lookup(q, answers, release), flag(q, "error"), flag(q, "validate"));
    if (!a.err().isEmpty()) {
      throw new PostRefusal(422, libvirtMessage(a.err()));
    }
    if (!json) {
      return reply(a.out(), "text/plain; charset=utf-8", a.status());
    }
    String message = a.out().strip();
    ObjectNode o = JSON.createObjectNode();
    o.put("result", message.contains(" is incompatible with ") ? "incompatible"
        : message.contains(" is identical to ") ? "identical" : "superset");
    o.put("message", message);
    return reply(print(o), "application/json", a.status());
  }

  /** The hypervisor the options name, from the service's warm probes of that release. */
  private static VirshHypervisorCpu.Lookup lookup(Map<String, String> q,
      PostEndpoint.Answers answers, LibvirtVersion release) {
    return () -> HypervisorCpu.lookup(DomCapsRequest.of(q.get("emulator"), q.get("arch"),
        q.get("machine"), q.get("virttype")), answers.options(release));
  }

  /** The documents of a multipart body, read as the commands read files. */
  private static List<DocumentFile.Read> documents(byte[] body, String type, int min, int max,
      String path) throws PostRefusal {
    List<PostBodies.Part> parts = PostBodies.multipart(body, type);
    if (parts.size() < min || parts.size() > max) {
      throw new PostRefusal(400, path + " takes " + (min == max ? String.valueOf(min)
          : "at least " + min) + " document" + (max == 1 ? "" : "s") + ", one a part; the body has "
          + parts.size());
    }
    List<DocumentFile.Read> out = new ArrayList<>();
    for (PostBodies.Part p : parts) {
      try {
        out.add(DocumentFile.readFramed(p.content(), p.name()));
      } catch (DocumentFile.UnreadableDocumentException e) {
        throw new PostRefusal(400, e.getMessage());
      }
    }
    return out;
  }

  /** The body as virsh reads a file: UTF-8 text (malformed bytes refused, not replaced). */
  private static String text(byte[] body) throws PostRefusal {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new PostRefusal(400, "the request body is not UTF-8 text: expected an XML document");
    }
  }

  /** virsh's error lines without their {@code error: } prefix. */
  static String libvirtMessage(String err) {
    StringBuilder s = new StringBuilder();
    for (String line : err.strip().split("\n", -1)) {
      s.append(s.length() == 0 ? "" : "\n")
          .append(line.startsWith("error: ") ? line.substring(7) : line);
    }
    return s.toString();
  }

  private static boolean flag(Map<String, String> q, String name) throws PostRefusal {
    String v = q.get(name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.isEmpty() || v.equals("true")) {
      return true;
    }
    throw new PostRefusal(400, name + "=\"" + v + "\": expected no value, true or false");
  }

  private static void allow(Map<String, String> q, Set<String> allowed) throws PostRefusal {
    for (String k : q.keySet()) {
      if (!allowed.contains(k)) {
        throw new PostRefusal(400, "unknown query parameter \"" + k + "\": expected "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private static PostEndpoint.Reply reply(String text, String contentType, int exit) {
    return new PostEndpoint.Reply(200, Document.utf8(text, contentType),
        Map.of(EXIT, String.valueOf(exit)));
  }

  private static String print(ObjectNode o) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  private static Map<String, List<String>> forms(String a, List<String> aTypes, String b,
      List<String> bTypes) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(a, aTypes);
    m.put(b, bTypes);
    return m;
  }
}

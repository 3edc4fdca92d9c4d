// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.server.client.DomCapsServiceException;
import org.domcaps.server.client.HttpReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints of a real service (real QEMU probed at start-up) over both transports. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class ServeEndpointsTest {
  private static final String X86 = "/v1/domcaps?virttype=qemu&arch=x86_64";
  @TempDir static Path dir;
  static TestService service;

  @BeforeAll
  static void start() throws Exception {
    PostEndpoints posts = new PostEndpoints().register("/v1/check",
        (body, type, query, answers) -> PostEndpoint.Reply.ok(Document.utf8(
            "{\"bytes\": " + body.length + ", \"caps\": " + answers.domcaps(null, "x86_64", null,
                "qemu", Format.XML).body().length + "}\n", "application/json")));
    service = new TestService(dir, false, posts);
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  @Test
  void domcapsIsTheCliDocumentInBothForms() throws Exception {
    HttpReply xml = service.unix.get(X86).requireOk();
    assertThat(xml.header("Content-Type")).contains("application/xml");
    assertThat(xml.text()).startsWith("<domainCapabilities>\n  <path>" + service.binary + "</path>")
        .endsWith("</domainCapabilities>\n\n\n"); // what the CLI prints, as virsh
    DomainCapabilities doc = DomainCapabilitiesXml.parse(xml.text().strip());
    assertThat(doc.arch()).isEqualTo("x86_64");

    HttpReply json = service.tcp.get(X86 + "&format=json").requireOk();
    HttpReply accepted = service.unix.get(X86, "Accept", "application/json").requireOk();
    assertThat(json.header("Content-Type")).contains("application/json");
    assertThat(accepted.text()).isEqualTo(json.text());
    assertThat(DomainCapabilitiesXml.format(DomainCapabilitiesJson.read(json.text())))
        .isEqualTo(xml.text().substring(0, xml.text().length() - 2));
    assertThat(service.tcp.get(X86).text()).isEqualTo(xml.text());
  }

  @Test
  void documentsCarryETagsThatAnswerIfNoneMatch() throws Exception {
    HttpReply first = service.unix.get(X86).requireOk();
    String etag = first.header("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    HttpReply again = service.unix.get(X86, "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(service.unix.get(X86, "If-None-Match", "W/" + etag + ", \"other\"").status())
        .isEqualTo(304);
    assertThat(service.unix.get(X86, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    assertThat(service.unix.get(X86 + "&format=json").header("ETag").orElseThrow())
        .isNotEqualTo(etag);
    for (String path : new String[] {"/v1/emulators", "/v1/domcaps/all"}) {
      String tag = service.unix.get(path).requireOk().header("ETag").orElseThrow();
      assertThat(service.unix.get(path, "If-None-Match", tag).status()).isEqualTo(304);
    }
  }

  @Test
  void allAndEmulatorsListTheInstalledEmulator() throws Exception {
    String all = service.unix.get("/v1/domcaps/all").requireOk().text();
    assertThat(all).startsWith("<domainCapabilitiesList>\n  <domainCapabilities>\n    <path>"
        + service.binary + "</path>").endsWith("</domainCapabilitiesList>\n");
    String emulators = service.unix.emulators();
    assertThat(emulators).contains("\"binary\" : \"" + service.binary + "\"",
        "\"arch\" : \"x86_64\"", "\"name\" : \"pc-i440fx-7.2\"", "\"alias\" : \"pc\"");
  }

  @Test
  void healthAndMetrics() throws Exception {
    assertThat(service.tcp.get("/healthz").requireOk().text()).contains("\"status\": \"ok\"",
        "\"emulators\": 1");
    service.unix.get(X86).requireOk();
    String metrics = service.unix.get("/metrics").requireOk().text();
    assertThat(metrics).contains("domcaps_requests_total{route=\"/v1/domcaps\",status=\"200\"}",
        "domcaps_request_duration_seconds_bucket{le=\"+Inf\"}",
        // One emulator, probed once for each libvirt release kept warm.
        "domcaps_probes_total " + org.domcaps.model.LibvirtVersion.SUPPORTED.size(),
        "domcaps_answer_cache_hits_total", "domcaps_emulators 1");
    // At least the start-up generation (a chmod of /dev/kvm elsewhere may add a re-check).
    assertThat(metrics).containsPattern("domcaps_refreshes_total\\{kind=\"recheck\"\\} [1-9]");
    assertThat(service.accessLog).anyMatch(l -> l.contains("\"path\":\"/v1/domcaps\"")
        && l.contains("\"query\":\"virttype=qemu&arch=x86_64\"") && l.contains("\"status\":200"));
  }

  @Test
  void refusalsAreJsonErrorsWithLibvirtsMessage() throws Exception {
    assertError("/v1/domcaps?arch=sparc99", 400,
        "invalid argument: unknown architecture: sparc99");
    assertError("/v1/domcaps?virttype=xyz", 400, "invalid argument: unknown virttype: xyz");
    assertError("/v1/domcaps?virttype=qemu&arch=x86_64&machine=nope", 400,
        "invalid argument: the machine 'nope' is not supported by emulator '"
        + service.binary + "'");
    assertError("/v1/domcaps?arch=aarch64", 422,
        "unsupported configuration: unable to find any emulator to serve 'aarch64' architecture");
    assertError("/v1/domcaps?emulatorbin=/bin/true", 403,
        "emulatorbin \"/bin/true\" is not an installed emulator of this service: expected one of ["
            + service.binary
                + "] (start the service with --allow-any-emulator to probe any binary)");
    assertThat(service.unix.get(X86).status()).isEqualTo(200);
  }

  @Test
  void malformedRequestsAreJsonErrors() throws Exception {
    assertError("/v1/domcaps?arch=x86_64&colour=red", 400, "unknown query parameter \"colour\": "
        + "expected arch, emulatorbin, format, libvirt, machine, virttype");
    assertError("/v1/domcaps?arch=x86_64&arch=i686", 400,
        "query parameter \"arch\" is given 2 times: expected it once");
    assertError("/v1/domcaps?arch=%zz", 400, "malformed query string \"arch=%zz\": 400: Bad query");
    assertError("/v1/domcaps?format=yaml", 400, "format=\"yaml\": expected xml or json");
    assertError("/v1/domcaps?libvirt=eleven", 400, "libvirt=\"eleven\": invalid libvirt version "
        + "\"eleven\": expected MAJOR.MINOR[.MICRO], e.g. 11.3");
    assertError("/nowhere", 404, "no such resource: \"/nowhere\"; expected /v1/domcaps, "
        + "/v1/domcaps/all, /v1/emulators, /healthz or /metrics");
    assertThat(service.unix.get(X86, "Accept", "text/html").status()).isEqualTo(406);
    assertThat(service.unix.get("/healthz", "X-Padding", "a".repeat(20_000)).status())
        .isEqualTo(431);
    HttpReply big = service.unix.post("/v1/check", new byte[10 * 1024 * 1024], "application/xml");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.text())
        .contains("\"error\": \"request body of 10485760 bytes is over the limit");
    assertThat(service.unix.get(X86).status()).isEqualTo(200);
  }

  @Test
  void postEndpointsPlugIntoTheRegistrationPoint() throws Exception {
    HttpReply check = service.unix.post("/v1/check", "<domain/>".getBytes(StandardCharsets.UTF_8),
        "application/xml");
    int capsBytes = service.unix.get(X86).body().length;
    assertThat(check.requireOk().text()).isEqualTo("{\"bytes\": 9, \"caps\": " + capsBytes + "}\n");
    HttpReply pool = service.unix.post("/v1/pool", new byte[0], "application/json");
    assertThat(pool.status()).isEqualTo(501);
    assertThat(pool.text()).contains("POST /v1/pool is not available in this build");
    assertThat(service.unix.get("/v1/diff").status()).isEqualTo(405);
  }

  @Test
  void aSlowClientDoesNotBlockOthersAndIsCutOff() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", service.server.tcpPort().orElseThrow())) {
      OutputStream out = slow.getOutputStream();
      out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < 20; i++) {
        assertThat(service.tcp.get(X86).status()).isEqualTo(200);
      }
      slow.setSoTimeout(60_000);
      InputStream in = slow.getInputStream();
      // The idle timeout (3 s here) ends the stalled request: a 408 JSON error, or a close.
      byte[] answer = in.readAllBytes();
      String text = new String(answer, StandardCharsets.US_ASCII);
      if (!text.isEmpty()) {
        assertThat(text).startsWith("HTTP/1.1 408").contains("\"status\": 408");
      }
    }
    assertThat(service.tcp.get("/healthz").status()).isEqualTo(200);
  }

  private static void assertError(String target, int status, String message) throws Exception {
    HttpReply r = service.unix.get(target);
    assertThat(r.status()).as(target).isEqualTo(status);
    assertThat(r.header("Content-Type")).contains("application/json");
    try {
      r.requireOk();
    } catch (DomCapsServiceException e) {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).isEqualTo(message);
      return;
    }
    throw new AssertionError("expected a refusal for " + target);
  }

  static Map<String, String> x86() {
    return Map.of("virttype", "qemu", "arch", "x86_64");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.server.DomCapsServer;
import org.domcaps.server.ServeSettings;
import org.domcaps.server.client.DomCapsClient;
import org.domcaps.server.client.DomCapsServiceException;
import org.domcaps.server.client.HttpReply;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POST operations of a real service (the installed QEMU, probed at start-up) answer what the
 * commands print, byte for byte, with their exit status; bad input is a 4xx JSON error quoting
 * the problem; {@code libvirt=11.3} answers what {@code --libvirt 11.3} prints.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
@ExtendWith(SharedHostFirmware.class)
class ServedCommandsTest {
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
  private static final Path GOLDEN = SharedData.conformance()
      .resolve("domaincaps/qemu_7.2.0.x86_64.xml");
  private static final Path OLDER = SharedData.conformance()
      .resolve("domaincaps/qemu_5.0.0.x86_64.xml");
  private static final Path ARM = SharedData.conformance()
      .resolve("domaincaps/qemu_7.0.0.aarch64.xml");

  @TempDir static Path dir;
  static Path link;
  static Path cache;
  static DomCapsServer server;
  static DomCapsClient client;

  @BeforeAll
  static void start() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    link = Files.createSymbolicLink(bin.resolve("qemu-system-x86_64"), QEMU);
    cache = dir.resolve("cache");
    ServeSettings settings = ServeSettings.builder(cache).unixSocket(dir.resolve("s.sock"))
        .emulatorPath(bin.toString())
        // As ServeCommand: the CLI's default release.
        .defaultLibvirt(LibvirtOption.of(null).release())
        .accessLog(s -> {}).log(s -> {}).build();
    server = DomCapsServer.start(settings, ServedCommands.endpoints());
    assertThat(server.awaitWarm(Duration.ofMinutes(5))).isTrue();
    client = DomCapsClient.unix(dir.resolve("s.sock"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Path domain(String name, String devices) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p,
        "<domain type='qemu'>\n  <name>g</name>\n  <memory unit='MiB'>256</memory>\n"
        + "  <vcpu>1</vcpu>\n  <os>\n    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n"
        + "  </os>\n  <devices>\n    <emulator>" + link + "</emulator>\n" + devices
        + "  </devices>\n</domain>\n");
    return p;
  }

  private static int exit(HttpReply r) {
    return Integer.parseInt(r.header(ServedCommands.EXIT).orElseThrow());
  }

  private static DomCapsServiceException refusal(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof DomCapsServiceException s) {
        return s;
      }
      throw e;
    }
    throw new AssertionError("expected a refusal");
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static Runnable unchecked(Call c) {
    return () -> {
      try {
        c.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    };
  }

  @Test
  void checkIsTheCommandsOutputAndExitStatus() throws Exception {
    Path bad =
        domain("bad.xml", "    <video><model type='gop'/></video>\n    <sound model='pcspk'/>\n");
    Path ok = domain("ok.xml", "    <video><model type='virtio'/></video>\n");
    for (Path f : List.of(bad, ok)) {
      for (String format : List.of("text", "json")) {
        CliRun cli = CliRun.of("check", "--cache-dir", cache.toString(), "--format", format,
            f.toString());
        HttpReply r = client.check(Files.readAllBytes(f), Map.of("format", format, "name",
            f.toString()));
        assertThat(r.text()).as(f + " " + format).isEqualTo(cli.out());
        assertThat(exit(r)).isEqualTo(cli.exit());
      }
    }
    assertThat(exit(client.check(Files.readAllBytes(bad), Map.of()))).isEqualTo(1);
    // Accept picks the form too; the default name stands for the file.
    HttpReply accepted = client.post("/v1/check", Files.readAllBytes(ok), "application/xml",
        "Accept", "application/json");
    assertThat(accepted.header("Content-Type").orElseThrow()).contains("application/json");
    assertThat(accepted.text()).contains("\"file\":\"request body\"")
        .contains("\"verdict\":\"runs\"");
  }

  @Test
  void checkRefusesUnreadableDefinitionsWithTheirLocation() throws Exception {
    DomCapsServiceException e = refusal(unchecked(() -> client.check(
        "<domain type='qemu'>\n  <name>g</name>\n <os>".getBytes(StandardCharsets.UTF_8),
        Map.of("name", "broken.xml"))));
    assertThat(e.status()).isEqualTo(400);
    Path broken =
        Files.writeString(dir.resolve("broken.xml"),
            "<domain type='qemu'>\n  <name>g</name>\n <os>");
    CliRun cli = CliRun.of("check", "--cache-dir", cache.toString(), broken.toString());
    assertThat(cli.exit()).isEqualTo(2);
    // The CLI's line, without its [unreadable] tag, is the error.
    assertThat(cli.out()).startsWith(broken + ":");
    assertThat(e.getMessage()).isEqualTo(cli.out().strip().replace(broken.toString(), "broken.xml")
        .replace(": error: ", ": ").replace(" [unreadable]", ""));
    DomCapsServiceException arch = refusal(unchecked(() -> client.check(
        Files.readString(domain("arm.xml", "")).replace("arch='x86_64'", "arch='sparc'")
            .getBytes(StandardCharsets.UTF_8), Map.of())));
    assertThat(arch.status()).isEqualTo(422);
    assertThat(arch.getMessage()).contains("cannot check the request").contains("sparc");
    assertThat(refusal(unchecked(() -> client.check(new byte[0], Map.of("format", "xml"))))
        .getMessage()).isEqualTo("format=\"xml\": expected text or json");
    assertThat(refusal(unchecked(() -> client.check(new byte[0], Map.of("caps", "x"))))
        .status()).isEqualTo(400);
  }

  @Test
  void poolAndDiffAreTheCommandsOutput() throws Exception {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put(GOLDEN.toString(), Files.readAllBytes(GOLDEN));
    docs.put(OLDER.toString(), Files.readAllBytes(OLDER));
    for (String format : List.of("xml", "json")) {
      CliRun cli = CliRun.of("pool", "--format", format, GOLDEN.toString(), OLDER.toString());
      assertThat(cli.exit()).isZero();
      assertThat(client.pool(docs, format)).as(format).isEqualTo(cli.out());
    }
    // pool A A is A, byte for byte, through the service too.
    assertThat(client.pool(Map.of("a.xml", Files.readAllBytes(GOLDEN)), "xml"))
        .isEqualTo(Files.readString(GOLDEN));
    for (String format : List.of("text", "json")) {
      CliRun cli = CliRun.of("diff", "--format", format.equals("text") ? "xml" : "json",
          GOLDEN.toString(), OLDER.toString());
      HttpReply r = client.diff(GOLDEN.toString(), Files.readAllBytes(GOLDEN), OLDER.toString(),
          Files.readAllBytes(OLDER), format);
      assertThat(r.text()).as(format).isEqualTo(cli.out());
      assertThat(exit(r)).isEqualTo(cli.exit()).isEqualTo(1);
    }
    assertThat(exit(client.diff("a", Files.readAllBytes(GOLDEN), "b", Files.readAllBytes(GOLDEN),
        "text"))).isZero();
  }

  @Test
  void poolAndDiffRefuseBadDocumentsNamingThem() throws Exception {
    Map<String, byte[]> mixed = new LinkedHashMap<>();
    mixed.put("x86.xml", Files.readAllBytes(GOLDEN));
    mixed.put("arm.xml", Files.readAllBytes(ARM));
    CliRun cli = CliRun.of("pool", GOLDEN.toString(), ARM.toString());
    assertThat(cli.exit()).isEqualTo(1);
    DomCapsServiceException e = refusal(unchecked(() -> client.pool(mixed, "xml")));
    assertThat(e.status()).isEqualTo(422);
    assertThat("domcaps pool: " + e.getMessage() + "\n").isEqualTo(cli.err());

    Map<String, byte[]> broken = new LinkedHashMap<>();
    broken.put("good.xml", Files.readAllBytes(GOLDEN));
    broken.put("broken.xml", "<domainCapabilities>\n  <path>".getBytes(StandardCharsets.UTF_8));
    DomCapsServiceException b = refusal(unchecked(() -> client.pool(broken, "xml")));
    assertThat(b.status()).isEqualTo(400);
    assertThat(b.getMessage()).startsWith("broken.xml:");
    DomCapsServiceException one = refusal(unchecked(() -> client.post("/v1/diff?format=text",
        "x".getBytes(StandardCharsets.UTF_8), "application/xml").requireOk()));
    assertThat(one.status()).isEqualTo(415);
    assertThat(one.getMessage()).contains("expected multipart/form-data");
  }

  @Test
  void cpuBaselineAndCompareAreTheCommandsOutput() throws Exception {
    Map<String, String> q = Map.of("virttype", "qemu", "emulator", link.toString(), "name",
        GOLDEN.toString());
    CliRun cli = CliRun.of("cpu-baseline", "--virttype", "qemu", "--emulator", link.toString(),
        GOLDEN.toString());
    assertThat(cli.exit()).as(cli.err()).isZero();
    HttpReply r = client.cpuBaseline(Files.readAllBytes(GOLDEN), q);
    assertThat(r.text()).isEqualTo(cli.out());
    Map<String, String> features = new LinkedHashMap<>(q);
    features.put("features", "true");
    features.put("migratable", "");
    CliRun expanded = CliRun.of("cpu-baseline", "--virttype", "qemu", "--emulator",
        link.toString(), "--features", "--migratable", GOLDEN.toString());
    assertThat(client.cpuBaseline(Files.readAllBytes(GOLDEN), features).text())
        .isEqualTo(expanded.out());
    Map<String, String> json = new LinkedHashMap<>(q);
    json.put("format", "json");
    assertThat(client.cpuBaseline(Files.readAllBytes(GOLDEN), json).text())
        .startsWith("{\n  \"cpu\" : \"<cpu mode='custom' match='exact'>\\n");

    Path cpu =
        Files.writeString(dir.resolve("cpu.xml"), "<cpu>\n  <model>qemu64</model>\n</cpu>\n");
    Map<String, String> cq = Map.of("virttype", "qemu", "emulator", link.toString(), "name",
        cpu.toString());
    CliRun compared = CliRun.of("cpu-compare", "--virttype", "qemu", "--emulator",
        link.toString(), cpu.toString());
    HttpReply c = client.cpuCompare(Files.readAllBytes(cpu), cq);
    assertThat(c.text()).isEqualTo(compared.out());
    assertThat(exit(c)).isEqualTo(compared.exit());
    Map<String, String> cj = new LinkedHashMap<>(cq);
    cj.put("format", "json");
    assertThat(client.cpuCompare(Files.readAllBytes(cpu), cj).text())
        .contains("\"result\" : \""
            + (compared.out().contains("superset") ? "superset" : "identical"));
  }

  @Test
  void cpuRefusalsAreLibvirtsMessage() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad-cpu.xml"),
        "<cpu mode='custom' match='exact' bogus='1'>\n  <model>qemu64</model>\n</cpu>\n");
    CliRun cli = CliRun.of("cpu-compare", "--virttype", "qemu", "--emulator", link.toString(),
        "--validate", bad.toString());
    assertThat(cli.exit()).isEqualTo(1);
    assertThat(cli.err()).contains("Invalid attribute bogus for element cpu");
    DomCapsServiceException e = refusal(unchecked(() -> client.cpuCompare(Files.readAllBytes(bad),
        Map.of("virttype", "qemu", "emulator", link.toString(), "validate", "", "name",
            bad.toString()))));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).isEqualTo(ServedCommands.libvirtMessage(cli.err()));

    Path none = Files.writeString(dir.resolve("none.xml"), "<nothing/>\n");
    CliRun empty = CliRun.of("cpu-baseline", none.toString());
    DomCapsServiceException n = refusal(unchecked(() -> client.cpuBaseline(
        Files.readAllBytes(none), Map.of("name", none.toString()))));
    assertThat("error: " + n.getMessage() + "\n").isEqualTo(empty.err());
    // A service never runs a binary that is not an installed emulator.
    DomCapsServiceException other = refusal(unchecked(() -> client.cpuBaseline(
        Files.readAllBytes(GOLDEN), Map.of("emulator", "/bin/true"))));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.getMessage()).contains("\"/bin/true\" is not an installed emulator");
    assertThat(refusal(unchecked(() -> client.cpuBaseline(Files.readAllBytes(GOLDEN),
        Map.of("features", "maybe")))).getMessage())
        .isEqualTo("features=\"maybe\": expected no value, true or false");
  }

  @Test
  void libvirt113IsTheCommandsLibvirt113Answer() throws Exception {
    Map<String, String> q = Map.of("emulatorbin", link.toString(), "virttype", "qemu", "arch",
        "x86_64");
    long probes = probes();
    for (String format : List.of("xml", "json")) {
      Map<String, String> q113 = new LinkedHashMap<>(q);
      q113.put("libvirt", "11.3");
      String served = client.domcaps(q113, format);
      CliRun cli = CliRun.of("--emulatorbin", link.toString(), "--virttype", "qemu", "--arch",
          "x86_64", "--cache-dir", cache.toString(), "--format", format, "--libvirt", "11.3");
      assertThat(cli.exit()).isZero();
      assertThat(served).as(format).isEqualTo(cli.out());
      CliRun byDefault = CliRun.of("--emulatorbin", link.toString(), "--virttype", "qemu",
          "--arch", "x86_64", "--cache-dir", cache.toString(), "--format", format);
      assertThat(client.domcaps(q, format)).isEqualTo(byDefault.out());
    }
    assertThat(probes()).as("both releases were warm").isEqualTo(probes);
    String path = "/v1/domcaps" + DomCapsClient.queryString(q);
    String tag90 = client.get(path + "&libvirt=9.0").requireOk().header("ETag").orElseThrow();
    String tag113 = client.get(path + "&libvirt=11.3.0").requireOk().header("ETag").orElseThrow();
    assertThat(tag113).isNotEqualTo(tag90);
    assertThat(client.get(path + "&libvirt=11.3", "If-None-Match", tag90).status()).isEqualTo(200);
    assertThat(client.get(path + "&libvirt=11.3", "If-None-Match", tag113).status()).isEqualTo(304);
    String defaultTag = client.get(path).requireOk().header("ETag").orElseThrow();
    assertThat(defaultTag).isEqualTo(
        LibvirtOption.of(null).release().equals(LibvirtVersion.V11_3) ? tag113 : tag90);
    HttpReply unknown = client.get(path + "&libvirt=10.0");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text())
        .contains("libvirt=\\\"10.0\\\": not a release this service answers as: "
            + "expected one of 9.0, 11.3");
    assertThat(client.get("/v1/domcaps/all?libvirt=11.3").requireOk().text())
        .startsWith("<domainCapabilitiesList>");
  }

  private static long probes() throws Exception {
    for (String line : client.get("/metrics").requireOk().text().split("\n")) {
      if (line.startsWith("domcaps_probes_total ")) {
        return Long.parseLong(line.substring(line.indexOf(' ') + 1).strip());
      }
    }
    throw new AssertionError("no domcaps_probes_total in /metrics");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatCommandTest {
  private static final Path X86 = SharedData.oracle().resolve("x86_64/default.xml");

  private static String canonicalX86() throws Exception {
    String s = Files.readString(X86, StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 2); // virsh's two extra newlines
  }

  @Test
  void printsLibvirtXmlByDefaultKeepingVirshFraming() throws Exception {
    CliRun run = CliRun.of("format", X86.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(Files.readString(X86, StandardCharsets.UTF_8));
  }

  @Test
  void writesALibvirtDocumentWithoutFramingBackAsItWas() throws Exception {
    Path golden = SharedData.conformance().resolve("domaincaps/qemu_7.2.0.x86_64.xml");
    CliRun run = CliRun.of("format", golden.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(run.out()).endsWith("</domainCapabilities>\n");
  }

  @Test
  void printsTheJsonForm() throws Exception {
    CliRun run = CliRun.of("format", X86.toString(), "--format", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(X86)));
    assertThat(run.out()).contains("\"bus\": [");
  }

  @Test
  void readsJsonInputAndPrintsLibvirtXml(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("caps.json");
    Files.writeString(json, "\n  " + CliRun.of("format", "--format=JSON", X86.toString()).out());
    CliRun run = CliRun.of("format", json.toString(), "--format", "xml");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(canonicalX86());
  }

  @Test
  void unreadableDocumentExitsOneWithLineAndColumn(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad,
        "<domainCapabilities>\n  <path>/q</path>\n  <iothreads supported='maybe'/>\n");
    CliRun run = CliRun.of("format", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("domcaps format: " + bad + ":3:");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = CliRun.of("format", X86.toString(), "--format", "yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown format 'yaml' (expected xml or json)");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.xml");
    CliRun run = CliRun.of("format", missing.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("domcaps format: " + missing + ": no such file\n");
  }
}

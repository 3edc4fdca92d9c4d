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

/** {@code format --libvirt} and {@code validate --libvirt}: a document as a release prints it. */
class AsReleaseCommandsTest {
  private static final Path NEWEST_Q35 =
      SharedData.root().resolve("newest/domaincaps/qemu_11.1.0-q35.x86_64.xml");

  @Test
  void aLibvirt9DocumentIsUnchangedAs9AndFitsOnly9AndLater() throws Exception {
    Path file = SharedData.oracle().resolve("x86_64/q35.xml");
    CliRun run = CliRun.of("format", "--libvirt", "9.0", file.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(CliRun.of("validate", "--libvirt", "9.0", file.toString()).exit()).isZero();
  }

  @Test
  void aNewerDocumentAs9LosesWhat9CannotPrintAndValidateNamesIt() throws Exception {
    CliRun as9 = CliRun.of("format", "--libvirt", "9.0", NEWEST_Q35.toString());
    assertThat(as9.exit()).isZero();
    assertThat(as9.out()).doesNotContain("<value>nvme</value>").doesNotContain("<console")
        .doesNotContain("firmwareFeatures").endsWith("</domainCapabilities>\n\n\n");

    CliRun v = CliRun.of("validate", "--libvirt", "11.3", NEWEST_Q35.toString());
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.err()).contains("domcaps validate: " + NEWEST_Q35
        + ": error: libvirt 11.3.0 could not have printed disk/enum[@name='bus']/value 'nvme'\n");
    assertThat(CliRun.of("validate", "--libvirt", "12.8", NEWEST_Q35.toString()).exit()).isZero();
  }

  @Test
  void jsonAsAReleaseIsTheJsonOfTheXmlAsThatRelease(@TempDir Path dir) throws Exception {
    CliRun json = CliRun.of("format", "--libvirt", "11.3", "--format", "json",
        NEWEST_Q35.toString());
    assertThat(json.exit()).isZero();
    CliRun xml = CliRun.of("format", "--libvirt", "11.3", NEWEST_Q35.toString());
    assertThat(json.out()).isEqualTo(DomainCapabilitiesJson.write(
        DomainCapabilitiesXml.parse(xml.out().stripTrailing() + "\n")));
    assertThat(json.out()).doesNotContain("\"nvme\"");
  }

  @Test
  void anUnknownReleaseIsAUsageError() {
    CliRun run = CliRun.of("format", "--libvirt", "10.0", NEWEST_Q35.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--libvirt '10.0': no table of what that release prints;"
        + " expected one of 9.0, 11.3, 12.8");
  }
}

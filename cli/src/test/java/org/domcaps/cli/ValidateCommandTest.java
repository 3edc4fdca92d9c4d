// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.testing.SharedData;
import org.domcaps.testing.UnknownDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @Test
  void validDocumentIsSilent() {
    CliRun run =
        CliRun.of("validate", SharedData.oracle().resolve("x86_64/default.xml").toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidTriStateGivesFileLineColumnAndReason(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad, "<domainCapabilities>\n  <path>/q</path>\n  <domain>kvm</domain>\n"
        + "  <arch>x86_64</arch>\n  <iothreads supported='maybe'/>\n</domainCapabilities>\n");
    CliRun run = CliRun.of("validate", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("domcaps validate: " + bad + ":5:");
    assertThat(run.err()).contains("/domainCapabilities/iothreads").contains("maybe");
  }

  @Test
  void jsonIsValidatedToo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"path\": \"/q\", \"domain\": \"kvm\", \"arch\": \"x86_64\","
        + " \"devices\": {\"disk\": {\"supported\": \"maybe\"}}}");
    CliRun run = CliRun.of("validate", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("domcaps validate: " + bad
        + ": .devices.disk.supported: expected \"yes\" or \"no\", found \"maybe\"\n");

    Path syntax = dir.resolve("syntax.json");
    Files.writeString(syntax, "{\n  \"path\": \"/q\",,\n}");
    run = CliRun.of("validate", syntax.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("domcaps validate: " + syntax + ":2:");
  }

  @Test
  void unknownPartsAreWarningsWithLineAndColumnAndStrictRefusesThem(@TempDir Path dir)
      throws Exception {
    Path doc = dir.resolve("next-year.xml");
    Files.writeString(doc, UnknownDocuments.read("new-device"));
    CliRun run = CliRun.of("validate", doc.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .matches("domcaps validate: " + java.util.regex.Pattern.quote(doc.toString())
            + ":\\d+:\\d+: warning: /domainCapabilities/devices/sound: unknown device <sound>.*\n");

    CliRun strict = CliRun.of("validate", "--strict", doc.toString());
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).contains(": error: /domainCapabilities/devices/sound: unknown device");
  }

  @Test
  void everyUnknownPartIsNamed(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("attributes.xml");
    Files.writeString(doc, UnknownDocuments.read("attributes-on-known-elements"));
    CliRun run = CliRun.of("validate", doc.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err().lines()).hasSize(3)
        .anySatisfy(l -> assertThat(l).contains(":6:")
            .contains("/domainCapabilities/vcpu@hotpluggable"))
        .anySatisfy(l -> assertThat(l).contains("/domainCapabilities/devices/disk@hotplug"));
  }

  @Test
  void jsonUnknownPartsAreWarningsToo(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("feature.xml");
    Files.writeString(xml, UnknownDocuments.read("new-feature"));
    CliRun json = CliRun.of("format", xml.toString(), "--format", "json");
    Path jsonFile = Files.writeString(dir.resolve("feature.json"), json.out());
    CliRun run = CliRun.of("validate", "--strict", jsonFile.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(jsonFile + ": error: .unknown: [0]: unknown element"
        + " /domainCapabilities/features/sev-snp-host kept");
  }

  @Test
  void newerLibvirtDocumentsAreSilent() {
    for (String f : new String[] {"newest/domaincaps/qemu_11.1.0-q35.x86_64.xml",
        "conformance/libvirt-11.3.0/domaincaps/qemu_9.2.0-q35.x86_64.xml"}) {
      CliRun run = CliRun.of("validate", "--strict", SharedData.root().resolve(f).toString());
      assertThat(run.exit()).as(f).isZero();
      assertThat(run.err()).as(f).isEmpty();
    }
  }

  @Test
  void missingArgumentIsAUsageError() {
    CliRun run = CliRun.of("validate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'FILE'");
  }
}

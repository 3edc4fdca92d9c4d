// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @Test
  void validDocumentIsSilent() {
    CliRun run = CliRun.of("validate", SharedData.oracle().resolve("x86_64/default.xml").toString());
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
  void missingArgumentIsAUsageError() {
    CliRun run = CliRun.of("validate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'FILE'");
  }
}

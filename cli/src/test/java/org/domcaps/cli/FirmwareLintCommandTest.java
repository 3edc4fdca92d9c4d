// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code domcaps firmware lint} on descriptors written for the test (machines from real QEMU). */
@ExtendWith(SharedHostFirmware.class)
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class FirmwareLintCommandTest {
  private static final Options OPTIONS = LiveOptions.forThisHost(w -> { }, Optional.empty());

  private static List<String> lint(Path dir, String json) throws Exception {
    Path f = dir.resolve("50-test.json");
    Files.writeString(f, json);
    return FirmwareLintCommand.lint(f, OPTIONS, new HashMap<>()).stream()
        .map(p -> p[0] + ": " + p[1]).toList();
  }

  private static String descriptor(String image, String feature, String glob) {
    return "{\"interface-types\": [\"uefi\"], \"mapping\": {\"device\": \"flash\", "
        + "\"executable\": {\"filename\": \"" + image + "\", \"format\": \"raw\"}, "
        + "\"nvram-template\": {\"filename\": \"" + image + "\", \"format\": \"raw\"}}, "
        + "\"targets\": [{\"architecture\": \"x86_64\", \"machines\": [\"" + glob + "\"]}], "
        + "\"features\": [\"" + feature + "\"], \"tags\": []}";
  }

  @Test
  void aSoundDescriptorHasNothingToSay(@TempDir Path dir) throws Exception {
    Path image = Files.writeString(dir.resolve("CODE.fd"), "x");
    assertThat(lint(dir, descriptor(image.toString(), "secure-boot", "pc-q35-*"))).isEmpty();
  }

  @Test
  void missingFilesAreErrors(@TempDir Path dir) throws Exception {
    assertThat(lint(dir, descriptor("/nonexistent/CODE.fd", "secure-boot", "pc-q35-*")))
        .containsExactly("error: executable /nonexistent/CODE.fd does not exist",
            "error: nvram-template /nonexistent/CODE.fd does not exist");
  }

  @Test
  void unknownFeaturesAndDeadGlobsAreWarnings(@TempDir Path dir) throws Exception {
    Path image = Files.writeString(dir.resolve("CODE.fd"), "x");
    assertThat(lint(dir, descriptor(image.toString(), "warp-drive", "pc-q99-*"))).containsExactly(
        "warning: feature 'warp-drive' unknown to libvirt 9.0, which ignores it",
        "warning: machine glob 'pc-q99-*' matches no x86_64 machine of "
            + "/usr/bin/qemu-system-x86_64");
  }

  @Test
  void malformedJsonIsAnError(@TempDir Path dir) throws Exception {
    assertThat(lint(dir, "{\"interface-types\": [")).singleElement().asString()
        .startsWith("error: libvirt refuses it: unable to parse json file");
  }
}

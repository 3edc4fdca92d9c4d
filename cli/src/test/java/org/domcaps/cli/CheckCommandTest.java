// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code domcaps check}: exit status, compiler-style lines, JSON, --caps offline, --explain. */
@ExtendWith(SharedHostFirmware.class)
class CheckCommandTest {
  private static final String Q35 = "<domain type='qemu'>\n  <name>g</name>\n"
      + "  <memory unit='MiB'>256</memory>\n  <vcpu>1</vcpu>\n  <os%s>\n"
      + "    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n  </os>\n  <devices>\n"
      + "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n%s  </devices>\n</domain>\n";

  private static Path write(Path dir, String name, String osAttrs, String devices)
      throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, String.format(Q35, osAttrs, devices));
    return p;
  }

  private static String q35Caps() {
    return SharedData.root().resolve("check/domcaps/x86_64-q35-qemu.xml").toString();
  }

  @Test
  void offlineRefusalIsExitOneWithFileLineColumnElementAndAllowed(@TempDir Path dir)
      throws Exception {
    Path bad = write(dir, "bad.xml", "", "    <video><model type='gop'/></video>\n");
    CliRun run = CliRun.of("check", "--caps", q35Caps(), bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(bad + ":10:12: error: <video><model type='gop'>: not "
        + "supported by /usr/bin/qemu-system-x86_64 (pc-q35-7.2, qemu); supported: vga, cirrus, "
        + "vmvga, qxl, virtio, none, bochs, ramfb [video-model]\n");
  }

  @Test
  void aPassingDefinitionIsExitZeroAndSilent(@TempDir Path dir) throws Exception {
    Path ok = write(dir, "ok.xml", "", "    <video><model type='virtio'/></video>\n");
    CliRun run = CliRun.of("check", "--caps", q35Caps(), ok.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unreadableDefinitionIsExitTwoWithTheReason(@TempDir Path dir) throws Exception {
    Path hostile = dir.resolve("x.xml");
    Files.writeString(hostile, "<!DOCTYPE domain [<!ENTITY a 'b'>]><domain>&a;</domain>");
    CliRun run = CliRun.of("check", "--caps", q35Caps(), hostile.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).startsWith(hostile + ":1:").contains("DOCTYPE refused");
  }

  @Test
  void jsonGivesOneObjectPerFile(@TempDir Path dir) throws Exception {
    Path bad = write(dir, "bad.xml", "", "    <video><model type='gop'/></video>\n");
    Path ok = write(dir, "ok.xml", "", "");
    CliRun run = CliRun.of("check", "--format", "json", "--caps", q35Caps(), bad.toString(),
        ok.toString());
    assertThat(run.exit()).isEqualTo(1);
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("file").asText()).isEqualTo(bad.toString());
    assertThat(first.get("verdict").asText()).isEqualTo("refused");
    JsonNode f = first.get("findings").get(0);
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("rule").asText()).isEqualTo("video-model");
    assertThat(f.get("path").asText()).isEqualTo("/domain/devices/video/model");
    assertThat(f.get("line").asInt()).isEqualTo(10);
    assertThat(f.get("value").asText()).isEqualTo("gop");
    assertThat(f.get("allowed").size()).isEqualTo(8);
    assertThat(new ObjectMapper().readTree(lines[1]).get("verdict").asText()).isEqualTo("runs");
  }

  @Test
  void liveCheckResolvesTheDefinitionsOwnRequest(@TempDir Path dir) throws Exception {
    // The live host (real QEMU, probed): bios has no descriptor on Debian, pcspk is gone in 7.2.
    Path bad = write(dir, "bios.xml", " firmware='bios'", "    <sound model='pcspk'/>\n");
    CliRun run = CliRun.of("check", "--cache-dir", dir.resolve("cache").toString(),
        bad.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains(bad + ":5:3: error: <os firmware='bios'>: no firmware "
        + "descriptor of type 'bios'").contains("[sound-model]");
  }

  @Test
  void explainSaysWhichDescriptorLibvirtPicks(@TempDir Path dir) throws Exception {
    Path efi = write(dir, "efi.xml", " firmware='efi'", "");
    CliRun run = CliRun.of("check", "--explain", "--cache-dir", dir.resolve("cache").toString(),
        efi.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(efi + ": firmware 'efi' for /usr/bin/qemu-system-x86_64 "
        + "(pc-q35-7.2, qemu): libvirt picks ");
  }

  @Test
  void aRequestTheHostCannotAnswerIsExitTwo(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("odd.xml");
    Files.writeString(p, "<domain type='qemu'><os><type arch='no-such-arch'>hvm</type></os>"
        + "</domain>");
    CliRun run = CliRun.of("check", "--cache-dir", dir.resolve("cache").toString(), p.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("no-such-arch");
  }
}

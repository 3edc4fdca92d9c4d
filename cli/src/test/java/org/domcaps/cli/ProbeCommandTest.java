// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.qmp.RepliesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code domcaps probe} against the real QEMU and against binaries that are not QEMU. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class ProbeCommandTest {
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

  @Test
  void probesRealQemuAndItsRecordingReplaysToTheSameCache(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(QEMU), "skipped: " + QEMU + " is not installed");
    Path record = dir.resolve("x86_64.replies");

    CliRun run =
        CliRun.of("probe", "--emulatorbin", QEMU.toString(), "--record", record.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("<qemuCaps>\n  <emulator>" + QEMU + "</emulator>\n");
    assertThat(run.out()).endsWith("</qemuCaps>\n");
    assertThat(run.out()).contains("\n  <arch>x86_64</arch>\n", "\n  <flag name='tcg'/>\n");
    // What we print is a cache document libvirt's format reads back as the same capabilities.
    assertThat(QemuCapsXml.write(QemuCapsXml.read(run.out()))).isEqualTo(run.out());

    assertThat(RepliesFile.read(record)).isNotEmpty();
    QemuCaps replayed = QemuProbe.replay(record, ProbeContexts.live(QEMU.toString(),
        LiveHostKey.read(new LiveHostFacts(), LibvirtVersion.V9_0)));
    assertThat(QemuCapsXml.write(replayed)).isEqualTo(run.out());
  }

  @Test
  void formatXmlIsAcceptedAndOtherFormatsAreRefused() throws Exception {
    assumeTrue(Files.isExecutable(QEMU), "skipped: " + QEMU + " is not installed");
    CliRun xml = CliRun.of("probe", "--emulatorbin", QEMU.toString(), "--format", "xml");
    assertThat(xml.exit()).isZero();
    assertThat(xml.out()).startsWith("<qemuCaps>");

    CliRun json = CliRun.of("probe", "--emulatorbin", QEMU.toString(), "--format", "json");
    assertThat(json.exit()).isNotZero();
    assertThat(json.out()).isEmpty();
    assertThat(json.err()).contains("'json'", "expected xml");
  }

  @Test
  void aBinaryThatIsNotQemuFailsNamingIt(@TempDir Path dir) {
    Path record = dir.resolve("true.replies");
    CliRun run = CliRun.of("probe", "--emulatorbin", "/bin/true", "--record", record.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: ").contains("/bin/true");
    assertThat(record).doesNotExist();
  }

  @Test
  void aMissingBinaryFailsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-qemu");
    CliRun run = CliRun.of("probe", "--emulatorbin", missing.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: Cannot check QEMU binary " + missing + ": No such file or directory\n");
  }

  @Test
  void emulatorbinIsRequired() {
    CliRun run = CliRun.of("probe");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--emulatorbin");
  }
}

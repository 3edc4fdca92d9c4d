// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.domcaps.qemu.testing.Executables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class SwtpmAndEmulatorSearchTest {
  @TempDir Path tmp;

  private Path script(Path dir, String name, String body) throws IOException {
    return Executables.write(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
  }

  private Swtpm swtpmWithSetup(String setupBody) throws IOException {
    Path bin = tmp.resolve("bin");
    script(bin, "swtpm", "exit 0");
    script(bin, "swtpm_ioctl", "exit 0");
    script(bin, "swtpm_setup", setupBody);
    return SwtpmProbe.probe(new ProgramSearch(bin.toString(), tmp));
  }

  @Test
  void versionsFromSwtpmSetupCapabilities() throws IOException {
    assertThat(swtpmWithSetup("echo '{\"type\":\"swtpm_setup\",\"features\":"
        + "[\"cmdarg-pwdfile-fd\",\"tpm-1.2\",\"tpm-2.0\"]}'"))
        .isEqualTo(Swtpm.withVersions("1.2", "2.0"));
    assertThat(swtpmWithSetup("echo '{\"features\":[\"tpm-2.0\"]}'"))
        .isEqualTo(Swtpm.withVersions("2.0"));
    assertThat(swtpmWithSetup("exit 1")).isEqualTo(new Swtpm(true, java.util.List.of()));
    assertThat(swtpmWithSetup("echo not json")).isEqualTo(new Swtpm(true, java.util.List.of()));
    // libvirt keeps what it read before a non-string item
    assertThat(swtpmWithSetup("echo '{\"features\":[\"tpm-1.2\",3,\"tpm-2.0\"]}'"))
        .isEqualTo(Swtpm.withVersions("1.2"));
  }

  @Test
  void absentWhenAnyBinaryIsMissingOrNotExecutable() throws IOException {
    Path bin = tmp.resolve("bin");
    script(bin, "swtpm", "exit 0");
    script(bin, "swtpm_setup", "echo '{\"features\":[\"tpm-2.0\"]}'");
    assertThat(SwtpmProbe.probe(new ProgramSearch(bin.toString(), tmp))).isEqualTo(Swtpm.ABSENT);
    Path ioctl = script(bin, "swtpm_ioctl", "exit 0");
    assertThat(SwtpmProbe.probe(new ProgramSearch(bin.toString(), tmp)).present()).isTrue();
    Files.setPosixFilePermissions(ioctl, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(SwtpmProbe.probe(new ProgramSearch(bin.toString(), tmp))).isEqualTo(Swtpm.ABSENT);
  }

  @Test
  void debianSwtpmOnThisMachine() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/swtpm_setup")),
        "skipped: swtpm is not installed");
    Swtpm live = new LiveHostFacts().swtpm();
    assertThat(live.present()).isTrue();
    assertThat(live.tpmVersions()).contains("2.0"); // Debian 12's 0.7.1 also has 1.2
  }

  @Test
  void programSearchFollowsPathAndCanonicalizesWithoutResolvingLinks() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    script(b, "tool", "exit 0");
    Files.createDirectories(a.resolve("tool")); // a directory is skipped
    Files.createSymbolicLink(tmp.resolve("domcaps-link"), b.resolve("tool"));
    ProgramSearch s = new ProgramSearch(a + ":" + tmp.resolve("b/../b"), tmp);
    assertThat(s.find("tool")).contains(b.resolve("tool").toString());
    assertThat(new ProgramSearch("", tmp).find("domcaps-link"))
        .contains(tmp.resolve("domcaps-link").toString());
    assertThat(s.find("./domcaps-link")).contains(tmp.resolve("domcaps-link").toString());
    assertThat(s.find("nothing")).isEmpty();
    assertThat(new ProgramSearch(null, tmp).find("domcaps-link"))
        .contains(tmp.resolve("domcaps-link").toString());
  }

  @Test
  void defaultEmulatorOrder() throws IOException {
    Path bin = tmp.resolve("bin");
    ProgramSearch s = new ProgramSearch(bin.toString(), tmp);
    script(bin, "qemu-system-x86_64", "exit 0");
    assertThat(DefaultEmulator.find("x86_64", "i686", s)).contains(bin + "/qemu-system-x86_64");
    assertThat(DefaultEmulator.find("aarch64", "i686", s)).isEmpty(); // not native there
    script(bin, "qemu-system-i386", "exit 0");
    assertThat(DefaultEmulator.find("x86_64", "i686", s)).contains(bin + "/qemu-system-i386");
    script(bin, "qemu-system-ppc64", "exit 0");
    assertThat(DefaultEmulator.find("x86_64", "ppc64le", s)).contains(bin + "/qemu-system-ppc64");
    script(bin, "qemu-system-arm", "exit 0");
    assertThat(DefaultEmulator.find("x86_64", "armv6l", s)).contains(bin + "/qemu-system-arm");
    assertThat(DefaultEmulator.find("aarch64", "armv7l", s)).contains(bin + "/qemu-system-arm");
    script(bin, "qemu-system-aarch64", "exit 0");
    assertThat(DefaultEmulator.find("aarch64", "armv7l", s))
        .contains(bin + "/qemu-system-aarch64");
    assertThat(DefaultEmulator.find("x86_64", "mips", s)).isEqualTo(Optional.empty());
  }

  @Test
  void defaultEmulatorOnThisMachine() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-i386")),
        "skipped: QEMU is not installed in /usr/bin");
    LiveHostFacts live = new LiveHostFacts(Path.of("/"), "x86_64",
        new ProgramSearch("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            Path.of("/")));
    assertThat(live.defaultEmulator("i686")).contains("/usr/bin/qemu-system-i386");
    assertThat(live.defaultEmulator("ppc64le")).contains("/usr/bin/qemu-system-ppc64le");
    assertThat(live.defaultEmulator("armv6l")).contains("/usr/bin/qemu-system-arm");
  }
}

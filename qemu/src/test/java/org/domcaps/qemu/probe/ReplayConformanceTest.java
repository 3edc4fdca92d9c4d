// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.testing.ConformanceFiles;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libvirt's qemucapabilitiestest, re-run: every recording replays to its end without divergence,
 * and the capabilities written in cache format equal libvirt's caps_V.ARCH.xml byte for byte.
 */
class ReplayConformanceTest {
  private static final Pattern NAME = Pattern.compile("caps_(.+)\\.([^.]+)\\.replies");

  /**
   * The test host of libvirt's qemucapabilitiestest (spec §4.3): binary /usr/bin/qemu-system-ARCH,
   * all times and versions 0, and a fake microcode version made from the file name (stored only
   * when the recording used KVM, as for a real host).
   */
  static ProbeContext testContext(Path replies) {
    Matcher m = NAME.matcher(replies.getFileName().toString());
    assertThat(m.matches()).as("recording name %s", replies).isTrue();
    return harnessContext(m.group(2), m.group(1)).build();
  }

  /** The harness's context for a recording of QEMU {@code version} on {@code arch}. */
  static ProbeContext.Builder harnessContext(String arch, String version) {
    return ProbeContext.builder("/usr/bin/qemu-system-" + arch)
        .hostArch(arch)
        .microcodeVersion(byteSum(arch) * 100000L + byteSum(version));
  }

  private static int byteSum(String s) {
    int n = 0;
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      n += b;
    }
    return n;
  }

  @Test
  void allTwentyThreeRecordingsArePresent() throws IOException {
    assertThat(ConformanceFiles.replies()).hasSize(23);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#replies")
  void replayEqualsLibvirtCacheFile(Path replies) throws IOException {
    QemuCaps caps = QemuProbe.replay(replies, testContext(replies));
    String expectedName = replies.getFileName().toString().replace(".replies", ".xml");
    String expected =
        Files.readString(SharedData.conformance().resolve("qemucaps").resolve(expectedName));
    assertThat(QemuCapsXml.write(caps)).isEqualTo(expected);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libvirt 11.3.0's qemucapabilitiestest, re-run with 11.3's questions: every recording of
 * {@code shared/conformance/libvirt-11.3.0} replays to its end and the capabilities written in
 * 11.3's cache format equal libvirt's {@code caps_V_ARCH[+VARIANT].xml} byte for byte.
 */
class ReplayConformance113Test {
  private static final Pattern NAME = Pattern.compile("caps_([^_]+)_([^+]+)(\\+\\w+)?\\.replies");

  static Path suite() {
    return SharedData.root().resolve("conformance/libvirt-11.3.0");
  }

  static List<Path> replies() throws IOException {
    try (Stream<Path> s = Files.list(suite().resolve("replies"))) {
      return s.filter(p -> p.toString().endsWith(".replies")).sorted().toList();
    }
  }

  /**
   * The test host of 11.3's qemucapabilitiestest.c: binary /usr/bin/qemu-system-ARCH, times and
   * versions 0, HVF only for the {@code +hvf} variant, a fake microcode version from the names.
   */
  static ProbeContext testContext(Path replies) {
    Matcher m = NAME.matcher(replies.getFileName().toString());
    assertThat(m.matches()).as("recording name %s", replies).isTrue();
    return ReplayConformanceTest.harnessContext(m.group(2), m.group(1))
        .libvirt(LibvirtVersion.V11_3)
        .hvfAvailable("+hvf".equals(m.group(3)))
        .build();
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void replayEqualsLibvirtCacheFile(Path replies) throws IOException {
    QemuCaps caps = QemuProbe.replay(replies, testContext(replies));
    String expectedName = replies.getFileName().toString().replace(".replies", ".xml");
    String expected = Files.readString(suite().resolve("qemucaps").resolve(expectedName));
    assertThat(QemuCapsXml.write(caps)).isEqualTo(expected);
    assertThat(QemuCapsXml.write(QemuCapsXml.read(expected))).as("read back").isEqualTo(expected);
  }
}

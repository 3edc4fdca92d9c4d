// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsFormatException;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capability cache entry reader (libvirt's {@code capabilities/*.xml} format): any bytes are
 * either refused with its declared exception or read into capabilities that write and read back
 * to the same text.
 */
class QemuCapsXmlFuzzTest {
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(QemuCapsXmlFuzzTest.class, "read", "qemucaps");
  }

  @FuzzTest
  void read(byte[] input) throws Exception {
    Hangs.bounded(input, this::readOnce);
  }

  void readOnce(byte[] input) {
    QemuCaps caps;
    try {
      caps = QemuCapsXml.read(new String(input, StandardCharsets.UTF_8));
    } catch (QemuCapsFormatException refused) {
      return;
    }
    String written = QemuCapsXml.write(caps);
    try {
      assertThat(QemuCapsXml.write(QemuCapsXml.read(written))).isEqualTo(written);
    } catch (QemuCapsFormatException e) {
      throw new AssertionError("the reader refuses what the writer wrote: " + e.getMessage(), e);
    }
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("qemucaps")) {
      read(seed);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.domcaps.qemu.cache.CapsSnapshot;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binary snapshot of a cache entry: any bytes decode to nothing (never an exception, an
 * out-of-memory or a hang), or to capabilities whose cache document can be written.
 */
class CapsSnapshotFuzzTest {
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(CapsSnapshotFuzzTest.class, "decode", "snapshot");
  }

  @FuzzTest
  void decode(byte[] input) throws Exception {
    Hangs.bounded(input, this::decodeOnce);
  }

  void decodeOnce(byte[] input) throws Exception {
    Optional<QemuCaps> caps = CapsSnapshot.decode(input, FuzzSeeds.SNAPSHOT_STATE);
    if (caps.isPresent()) {
      String doc = QemuCapsXml.write(caps.get());
      assertThat(doc).startsWith("<qemuCaps>");
    }
  }

  @Test
  void everySharedSeedDecodes() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("snapshot")) {
      assertThat(CapsSnapshot.decode(seed, FuzzSeeds.SNAPSHOT_STATE)).isPresent();
      decode(seed);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/** libvirt 9.0.0's own recorded suite: 44 goldens regenerated from the QMP recordings. */
class ConformanceSuiteTest {
  @Test
  void everyRecordedGoldenIsRegeneratedByteForByte() throws Exception {
    Path suite = SharedData.conformance();
    ConformanceReport report =
        ConformanceSuite.run(suite, Optional.of(suite.resolve("firmware")));
    assertThat(report.results()).hasSize(44);
    assertThat(report.lines()).containsExactly(
        "44/44 identical outside <cpu>", "44/44 byte-identical");
  }
}

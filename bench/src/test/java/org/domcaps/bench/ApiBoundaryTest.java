// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.domcaps.qemu.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The benchmarks use only packages exported to them (api/exports.txt), read from its compiled classes. */
class ApiBoundaryTest {
  @Test
  void benchUsesOnlyWhatIsExportedToIt() {
    Path classes = Path.of("target/classes");
    assertThat(ApiBoundary.usedPackages(classes)).contains("org.domcaps.qemu.api");
    assertThat(ApiBoundary.read(ApiBoundary.projectRoot())
        .violations("bench", classes, "org.domcaps.bench"))
        .as("bench classes using packages api/exports.txt does not export to bench").isEmpty();
  }
}

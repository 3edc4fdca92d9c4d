// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.domcaps.qemu.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The examples use only exported packages (api/exports.txt), read from its compiled classes. */
class ApiBoundaryTest {
  @Test
  void examplesUseOnlyThePublicApi() {
    Path classes = Path.of("target/classes");
    assertThat(ApiBoundary.usedPackages(classes)).contains("org.domcaps.qemu.api");
    assertThat(ApiBoundary.read(ApiBoundary.projectRoot())
        .violations("examples", classes, "org.domcaps.examples"))
        .as("examples using packages api/exports.txt does not export to them").isEmpty();
  }
}

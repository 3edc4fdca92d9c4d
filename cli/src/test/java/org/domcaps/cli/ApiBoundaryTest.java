// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.domcaps.qemu.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The command uses only exported packages (api/exports.txt), read from its compiled classes. */
class ApiBoundaryTest {
  @Test
  void cliUsesOnlyThePublicApi() {
    Path classes = Path.of("target/classes");
    assertThat(ApiBoundary.usedPackages(classes)).contains("org.domcaps.qemu.api");
    assertThat(ApiBoundary.read(ApiBoundary.projectRoot())
        .violations("cli", classes, "org.domcaps.cli"))
        .as("cli classes using packages api/exports.txt does not export to cli").isEmpty();
  }
}

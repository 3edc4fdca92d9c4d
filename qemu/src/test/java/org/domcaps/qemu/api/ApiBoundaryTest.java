// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The boundary file is well formed and its checker finds real uses of internal packages. */
class ApiBoundaryTest {
  private final ApiBoundary boundary = ApiBoundary.read(ApiBoundary.projectRoot());

  @Test
  void everyExportedQemuPackageExists() {
    for (String pkg : boundary.publicPackages()) {
      if (pkg.startsWith("org.domcaps.qemu.")) {
        assertThat(Path.of("target/classes", pkg.replace('.', '/'))).as(pkg).isDirectory();
      }
    }
  }

  @Test
  void qemuApiItselfWouldViolateTheBoundaryOfAConsumer() {
    // The API package wires the internals, so seen as a consumer it must show violations:
    // proof that the checker reads real dependencies.
    assertThat(boundary.violations("examples", Path.of("target/classes/org/domcaps/qemu/api"),
        "org.domcaps.qemu.api")).anyMatch(v -> v.endsWith("-> org.domcaps.qemu.build"));
    assertThat(boundary.mayUse("bench", "org.domcaps.qemu.cache")).isTrue();
    assertThat(boundary.mayUse("examples", "org.domcaps.qemu.cache")).isFalse();
    assertThat(Files.exists(ApiBoundary.projectRoot().resolve("api/qemu-api.txt"))).isTrue();
  }
}

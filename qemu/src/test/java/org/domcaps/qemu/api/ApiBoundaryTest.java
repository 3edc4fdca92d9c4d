// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
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
  void noInternalPackageDependsOnTheApi() {
    // The API wires the internals; an internal package importing it back makes a package cycle
    // (cache <-> api was one).
    Set<String> api = boundary.publicPackages().stream()
        .filter(p -> p.startsWith("org.domcaps.qemu.")).collect(Collectors.toSet());
    assertThat(ApiBoundary.usesOf(Path.of("target/classes"), api)).isEmpty();
    // The check reads real dependencies: the api package itself uses the cache.
    assertThat(ApiBoundary.usesOf(Path.of("target/classes"), Set.of("org.domcaps.qemu.cache")))
        .contains("org.domcaps.qemu.api -> org.domcaps.qemu.cache");
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

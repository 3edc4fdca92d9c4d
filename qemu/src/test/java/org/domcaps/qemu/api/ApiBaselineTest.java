// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.domcaps.qemu.testing.ApiBoundary;
import org.domcaps.qemu.testing.ApiSurface;
import org.junit.jupiter.api.Test;

/**
 * The public surface of qemu's exported packages equals the checked-in {@code api/qemu-api.txt},
 * so that a change of the API is deliberate (reviewed as a diff of that file).
 */
class ApiBaselineTest {
  static final String REGENERATE = "mvn -o -q -pl qemu -am test -Dtest=ApiBaselineTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Ddomcaps.api.update=true";

  @Test
  void publicSurfaceMatchesTheBaseline() throws IOException {
    Path root = ApiBoundary.projectRoot();
    ApiBoundary boundary = ApiBoundary.read(root);
    Set<String> qemuPackages = boundary.publicPackages().stream()
        .filter(p -> p.startsWith("org.domcaps.qemu.")).collect(Collectors.toSet());
    String dump = ApiSurface.dump(Path.of("target/classes"), qemuPackages,
        boundary.publicPackages());
    Path baseline = root.resolve("api/qemu-api.txt");
    if (Boolean.getBoolean("domcaps.api.update")) {
      Files.writeString(baseline, dump);
    }
    assertThat(dump).contains("public final class org.domcaps.qemu.api.DomCaps");
    assertThat(dump)
        .as("the public API of qemu differs from %s; if the change is deliberate, regenerate the "
            + "file with `%s` and commit it", baseline, REGENERATE)
        .isEqualTo(Files.exists(baseline) ? Files.readString(baseline) : "(no baseline file)");
  }
}

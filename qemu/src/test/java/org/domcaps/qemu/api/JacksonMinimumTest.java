// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.domcaps.qemu.conformance.ConformanceSuite;
import org.domcaps.qemu.conformance.ConformanceReport;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.qemu.jackson.JacksonMinimum;
import org.domcaps.testing.OlderJackson;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * qemu against the declared minimum Jackson answers libvirt's recorded suite (QMP replies and
 * firmware descriptors, where an old Jackson used to drop every descriptor silently) exactly as
 * with the build's Jackson; against an older one it refuses naming the version found.
 */
class JacksonMinimumTest {
  private static final Class<?>[] RUN = {Path.class, Optional.class};

  private static Path suite() {
    return SharedData.conformance();
  }

  @Test
  void theMinimumAnswersTheRecordedSuiteAsTheBuildDoes() throws Throwable {
    Optional<Path> firmware = Optional.of(suite().resolve("firmware"));
    ConformanceReport expected = ConformanceSuite.run(suite(), firmware);
    try (OlderJackson old = OlderJackson.of(OlderJackson.minimum())) {
      Object report = old.call(ConformanceSuite.class.getName(), "run", RUN, suite(), firmware);
      assertThat(report.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
      assertThat(OlderJackson.get(report, "lines")).isEqualTo(expected.lines());
      assertThat(OlderJackson.get(report, "allIdentical")).isEqualTo(true);
    }
  }

  @Test
  void anOlderOneIsRefusedWithTheVersionFound() throws Throwable {
    try (OlderJackson old = OlderJackson.of(OlderJackson.tooOld())) {
      assertThatThrownBy(() -> old.call(ConformanceSuite.class.getName(), "run", RUN, suite(),
          Optional.of(suite().resolve("firmware"))))
          .hasStackTraceContaining("needs Jackson 2.17.0 or newer")
          .hasStackTraceContaining(OlderJackson.tooOld());
    }
  }

  @Test
  void theDeclaredMinimumIsTheEnforcedOne() {
    assertThat(JacksonMinimum.MAJOR + "." + JacksonMinimum.MINOR + ".0")
        .isEqualTo(OlderJackson.minimum());
  }
}

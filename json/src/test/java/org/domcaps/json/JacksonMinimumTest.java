// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.testing.OlderJackson;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The JSON form against the declared minimum Jackson gives the build's answer; against an older
 * one it refuses at first use naming the version found (never a NoClassDefFoundError mid-read).
 */
class JacksonMinimumTest {
  private static final Class<?>[] STRING = {String.class};

  private static String sample() throws Exception {
    return Files.readString(SharedData.oracle().resolve("x86_64/default.xml"));
  }

  @Test
  void theMinimumGivesTheSameJsonAndXml() throws Throwable {
    String xml = sample();
    try (OlderJackson old = OlderJackson.of(OlderJackson.minimum())) {
      Object both = old.call(JsonRoundTrip.class.getName(), "through", STRING, xml);
      assertThat(both).isEqualTo(JsonRoundTrip.through(xml));

    }
  }

  @Test
  void anOlderOneIsRefusedWithTheVersionFound() throws Throwable {
    String xml = sample();
    try (OlderJackson old = OlderJackson.of(OlderJackson.tooOld())) {
      assertThatThrownBy(() -> old.call(JsonRoundTrip.class.getName(), "through", STRING, xml))
          .isInstanceOf(ExceptionInInitializerError.class)
          .cause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs Jackson 2.17.0 or newer")
          .hasMessageContaining(OlderJackson.tooOld());
    }
  }

  @Test
  void theDeclaredMinimumIsTheEnforcedOne() {
    assertThat(JacksonMinimum.MAJOR + "." + JacksonMinimum.MINOR + ".0")
        .isEqualTo(OlderJackson.minimum());
    assertThat(Path.of(System.getProperty("domcaps.olderJackson"))).isDirectory();
  }
}

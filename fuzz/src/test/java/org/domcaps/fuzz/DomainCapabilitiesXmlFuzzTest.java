// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain capabilities XML reader: any bytes are either refused with its declared exception or
 * read into a document that prints and reads back to the same text.
 */
class DomainCapabilitiesXmlFuzzTest {
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(DomainCapabilitiesXmlFuzzTest.class, "parse", "xml");
  }

  @FuzzTest
  void parse(byte[] input) throws Exception {
    Hangs.bounded(input, this::parseOnce);
  }

  void parseOnce(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  static void check(String text) {
    DomainCapabilities caps;
    try {
      caps = DomainCapabilitiesXml.parse(text);
    } catch (DomainCapabilitiesParseException refused) {
      return;
    }
    String printed = DomainCapabilitiesXml.format(caps);
    try {
      assertThat(DomainCapabilitiesXml.format(DomainCapabilitiesXml.parse(printed)))
          .isEqualTo(printed);
    } catch (DomainCapabilitiesParseException e) {
      throw new AssertionError("the reader refuses what the writer printed: " + e.getMessage(), e);
    }
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("xml")) {
      parse(seed);
    }
  }
}

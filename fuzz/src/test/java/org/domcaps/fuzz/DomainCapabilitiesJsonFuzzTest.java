// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.json.DomainCapabilitiesJsonException;
import org.domcaps.model.DomainCapabilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON form's reader: any bytes are either refused with its declared exception or read into a
 * document whose JSON reads back to the same text.
 */
class DomainCapabilitiesJsonFuzzTest {
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(DomainCapabilitiesJsonFuzzTest.class, "read", "json");
  }

  @FuzzTest
  void read(byte[] input) throws Exception {
    Hangs.bounded(input, this::readOnce);
  }

  void readOnce(byte[] input) {
    DomainCapabilities caps;
    try {
      caps = DomainCapabilitiesJson.read(new String(input, StandardCharsets.UTF_8));
    } catch (DomainCapabilitiesJsonException refused) {
      return;
    }
    String printed = DomainCapabilitiesJson.write(caps);
    try {
      assertThat(DomainCapabilitiesJson.write(DomainCapabilitiesJson.read(printed)))
          .isEqualTo(printed);
    } catch (DomainCapabilitiesJsonException e) {
      throw new AssertionError("the reader refuses what the writer printed: " + e.getMessage(), e);
    }
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("json")) {
      read(seed);
    }
  }
}

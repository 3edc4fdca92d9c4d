// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domcaps.qemu.qmp.QmpExchange;
import org.domcaps.qemu.qmp.QmpProtocolException;
import org.domcaps.qemu.qmp.RepliesFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code .replies} recording reader: any bytes are either refused with its declared exception
 * (whose message quotes the input only as a bounded, escaped excerpt) or read into exchanges that
 * format and read back to the same exchanges.
 */
class RepliesFileFuzzTest {
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(RepliesFileFuzzTest.class, "parse", "replies");
  }

  @FuzzTest
  void parse(byte[] input) throws Exception {
    Hangs.bounded(input, this::parseOnce);
  }

  void parseOnce(byte[] input) throws Exception {
    List<QmpExchange> exchanges;
    try {
      exchanges = RepliesFile.parse(new String(input, StandardCharsets.UTF_8), "fuzz.replies");
    } catch (QmpProtocolException refused) {
      QmpLinesFuzzTest.assertQuotedSafely(refused.getMessage());
      return;
    }
    List<QmpExchange> again = RepliesFile.parse(RepliesFile.format(exchanges), "again.replies");
    assertThat(again).hasSameSizeAs(exchanges);
    for (int i = 0; i < again.size(); i++) {
      assertThat(again.get(i).command()).isEqualTo(exchanges.get(i).command());
      assertThat(again.get(i).reply()).isEqualTo(exchanges.get(i).reply());
    }
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("replies")) {
      parse(seed);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.domcaps.qemu.launch.QmpLines;
import org.domcaps.qemu.launch.QmpStreamException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What QEMU sends on the QMP socket, as the live transport reads it ({@link QmpLines}): bytes
 * arriving in chunks of any size are cut into lines and each parsed as one JSON object; a failure
 * is only the declared exception, and its message quotes the input as a bounded, escaped excerpt.
 */
class QmpLinesFuzzTest {
  /** Small, so that the line bound is reached too. */
  private static final int MAX_LINE = 4096;

  /** The bytes as a QMP stream; the first byte also sets the size of the chunks they arrive in. */
  @BeforeAll
  static void seeds() throws Exception {
    FuzzSeeds.plantForFuzzing(QmpLinesFuzzTest.class, "lines", "qmp");
  }

  @FuzzTest
  void lines(byte[] stream) throws Exception {
    Hangs.bounded(stream, this::linesOnce);
  }

  void linesOnce(byte[] stream) {
    QmpLines lines = new QmpLines(MAX_LINE);
    int chunk = 1 + (stream.length == 0 ? 0 : (stream[0] & 0x3f));
    int at = 0;
    try {
      while (true) {
        String line = lines.next("the fuzzer's reply");
        if (line != null) {
          QmpLines.parseObject(line);
          continue;
        }
        if (at >= stream.length) {
          return;
        }
        ByteBuffer room = lines.room();
        int n = Math.min(Math.min(chunk, room.remaining()), stream.length - at);
        if (n <= 0) {
          throw new AssertionError("QmpLines offered no room for the next read");
        }
        room.put(stream, at, n);
        lines.filled(n);
        at += n;
      }
    } catch (QmpStreamException refused) {
      assertQuotedSafely(refused.getMessage());
    }
  }

  /** A message quoting outside input: bounded, and no raw control character in it. */
  static void assertQuotedSafely(String message) {
    assertThat(message.length()).isLessThan(2_000);
    assertThat(message.chars().filter(c -> c < 0x20 || c == 0x7f)).isEmpty();
  }

  @Test
  void everySharedSeedHolds() throws Exception {
    for (byte[] seed : FuzzSeeds.seeds("qmp")) {
      lines(seed);
    }
  }
}

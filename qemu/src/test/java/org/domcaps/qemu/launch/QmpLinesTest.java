// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The QMP line framing, fed as a peer may send: in pieces of any size, or not as QMP at all. */
class QmpLinesTest {
  static void feed(QmpLines lines, byte[] bytes, int from, int n) {
    ByteBuffer room = lines.room();
    room.put(bytes, from, n);
    lines.filled(n);
  }

  /**
   * Fuzzing finding: every byte of a line arriving alone rescanned the whole pending line, so a
   * peer trickling a long line kept a core busy quadratically (a 64 MiB line: hours). The guard
   * only catches that hang; it is no speed measurement.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void lineTricklingInByteByByteIsScannedOnce() throws Exception {
    byte[] line = ("{\"return\": \"" + "x".repeat(2 << 20) + "\"}\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    QmpLines lines = new QmpLines(64 << 20);
    String got = null;
    for (int i = 0; i < line.length && got == null; i++) {
      feed(lines, line, i, 1);
      got = lines.next("a reply");
    }
    assertThat(got).hasSize(line.length - 2);
    assertThat(QmpLines.parseObject(got).path("return").asText()).hasSize(2 << 20);
  }

  @Test
  void linesSplitAcrossReadsAndSeveralInOneRead() throws Exception {
    byte[] two = "{\"a\": 1}\r\n{\"b\": 2}\n{\"c\"".getBytes(StandardCharsets.US_ASCII);
    QmpLines lines = new QmpLines(1024);
    feed(lines, two, 0, 3);
    assertThat(lines.next("x")).isNull();
    feed(lines, two, 3, two.length - 3);
    assertThat(lines.next("x")).isEqualTo("{\"a\": 1}");
    assertThat(lines.next("x")).isEqualTo("{\"b\": 2}");
    assertThat(lines.next("x")).isNull();
  }

  @Test
  void lineOverTheBoundIsRefused() {
    QmpLines lines = new QmpLines(16);
    byte[] junk = "0123456789abcdefXYZ".getBytes(StandardCharsets.US_ASCII);
    feed(lines, junk, 0, junk.length);
    assertThatThrownBy(() -> lines.next("the greeting"))
        .isInstanceOf(QmpStreamException.class)
        .hasMessage("no line end within 16 bytes while waiting for the greeting");
  }

  /** Fuzzing finding: Jackson reports "1e10000001111" as a RuntimeException, not a parse error. */
  @Test
  void numberJacksonCannotHoldIsAParseError() {
    assertThatThrownBy(() -> QmpLines.parseObject("1e10000001111"))
        .isInstanceOf(QmpStreamException.class)
        .hasMessageStartingWith("cannot parse json 1e10000001111: ");
  }
}

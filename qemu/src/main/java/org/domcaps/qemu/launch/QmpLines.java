// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.domcaps.qemu.qmp.QuotedInput;

/**
 * The reading half of the QMP framing, apart from any socket: bytes in as they arrive, lines out
 * (without their {@code \r\n}), each parsed as one JSON object. A line longer than the bound is
 * garbage, not QMP. Errors quote the input only as a bounded, escaped excerpt ({@link
 * QuotedInput}).
 */
public final class QmpLines {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private final int maxLineBytes;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  /**
   * Bytes from {@code start} up to here hold no line end: a line trickling in byte by byte is
   * scanned once, not once per byte (which made a long line quadratic; found by fuzzing).
   */
  private int scanned;

  public QmpLines(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next complete line, or null when more bytes are needed; throws when the pending partial
   * line already exceeds the bound.
   */
  public String next(String waitingFor) throws QmpStreamException {
    for (int i = Math.max(start, scanned); i < end; i++) {
      if (buf[i] == '\n') {
        int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
        String line = new String(buf, start, stop - start, StandardCharsets.UTF_8);
        start = i + 1;
        scanned = start;
        return line;
      }
    }
    scanned = end;
    if (end - start >= maxLineBytes) {
      throw new QmpStreamException(
          "no line end within " + maxLineBytes + " bytes while waiting for " + waitingFor);
    }
    return null;
  }

  /** Room for the next read (at least one byte), to be followed by {@link #filled}. */
  public ByteBuffer room() {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    if (end == buf.length) {
      byte[] bigger = new byte[(int) Math.min(buf.length * 2L, maxLineBytes + 1L)];
      System.arraycopy(buf, 0, bigger, 0, end);
      buf = bigger;
    }
    return ByteBuffer.wrap(buf, end, buf.length - end);
  }

  /** Records that {@code n} bytes were read into the last {@link #room()}. */
  public void filled(int n) {
    end += Math.max(n, 0);
  }

  /** One line as a JSON object, or libvirt's complaint about it. */
  public static JsonNode parseObject(String line) throws QmpStreamException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw cannotParse(line, e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      // Jackson reports some number overflows (1e10000001111 as BigDecimal) this way.
      throw cannotParse(line, e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new QmpStreamException(
          "Parsed JSON reply '" + QuotedInput.excerpt(line) + "' isn't an object");
    }
    return node;
  }

  private static QmpStreamException cannotParse(String line, String why, Exception cause) {
    return new QmpStreamException(
        "cannot parse json " + QuotedInput.excerpt(line) + ": "
            + QuotedInput.excerpt(String.valueOf(why), 300),
        cause);
  }
}

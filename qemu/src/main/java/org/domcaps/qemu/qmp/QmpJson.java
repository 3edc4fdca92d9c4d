// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.domcaps.qemu.jackson.JacksonMinimum;

/**
 * The JSON settings of the QMP layer: object members keep QEMU's order, integers keep their full
 * range (uint64 values appear in replies) and decimals keep their digits, so that a parsed
 * recording can be written again unchanged.
 */
public final class QmpJson {
  static {
    JacksonMinimum.require(); // before the mapper: an old Jackson is refused by name
  }

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private QmpJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Compact serialisation (no spaces), as libvirt sends commands and as its test compares them. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON node", e);
    }
  }

  /** Parses one JSON value; the message of a failure quotes the text. */
  public static JsonNode parse(String text) throws QmpProtocolException {
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || n.isMissingNode()) {
        throw new QmpProtocolException("expected a JSON value but was empty text");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw cannotParse(text, e.getOriginalMessage());
    } catch (RuntimeException e) {
      // Jackson reports some number overflows (1e10000001111 as BigDecimal) this way.
      throw cannotParse(text, e.getMessage());
    }
  }

  private static QmpProtocolException cannotParse(String text, String why) {
    return new QmpProtocolException(
        "cannot parse json " + abbreviate(text) + ": "
        + QuotedInput.excerpt(String.valueOf(why), 300));
  }

  /** {@code s} for an error message: a bounded, escaped excerpt ({@link QuotedInput}). */
  public static String abbreviate(String s) {
    return QuotedInput.excerpt(s);
  }
}

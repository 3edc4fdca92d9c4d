// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.domcaps.model.DocumentWarning;
import org.domcaps.model.Supported;

/**
 * One JSON object being read, with its jq path. Every field the reader asks for is remembered;
 * {@link #end()} then refuses any other field, naming the ones that were expected, so that a typo
 * is an error and never a silently dropped capability.
 */
final class JsonFields {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final BigInteger MAX_UNSIGNED_64 = BigInteger.ONE.shiftLeft(64)
      .subtract(BigInteger.ONE);

  private final JsonNode node;
  // The jq path is built only for an error message: parent's path plus key, or index when >= 0.
  private final JsonFields parent;
  private final String key;
  private final int index;
  private final List<String> expected = new ArrayList<>(8);
  private int found;
  /** The root's list of what was kept but is not known; shared by every object below it. */
  private final List<DocumentWarning> warnings;

  private JsonFields(JsonNode node, JsonFields parent, String key, int index) {
    this.node = node;
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.warnings = parent == null ? new ArrayList<>() : parent.warnings;
  }

  /** Reports a kept but unknown value at {@code key} of this object. */
  void warn(String key, String message) {
    warnings.add(new DocumentWarning(-1, -1, path(key), message));
  }

  List<DocumentWarning> warnings() {
    return warnings;
  }

  /**
   * Refuses a string XML 1.0 cannot carry: control characters other than tab, newline and
   * carriage return, U+FFFE and U+FFFF, and lone surrogates (which would otherwise become '?').
   * libvirt's escaping drops some of these silently; refusing keeps JSON and XML equivalent. The
   * jq path is built only when refusing: this runs for every string.
   */
  static String xmlText(Supplier<String> path, String s) throws DomainCapabilitiesJsonException {
    int bad = uncarriable(s);
    if (bad >= 0) {
      throw new DomainCapabilitiesJsonException(display(path.get()), String.format(
          "the string holds U+%04X at offset %d, which XML cannot carry (expected XML 1.0"
              + " characters: no control characters but tab, newline and carriage return,"
              + " no U+FFFE/U+FFFF, no lone surrogates)", (int) s.charAt(bad), bad));
    }
    return s;
  }

  /** The index of the first character XML 1.0 cannot carry, or -1. */
  private static int uncarriable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      boolean ok = !Character.isSurrogate(c)
          && (c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD));
      if (!ok) {
        return i;
      }
    }
    return -1;
  }


  /** The document's root object; refuses any other kind of value. */
  static JsonFields root(JsonNode node) throws DomainCapabilitiesJsonException {
    return checked(node, null, null, -1);
  }

  /** The object in field {@code key} of this object. */
  private JsonFields child(JsonNode value, String key) throws DomainCapabilitiesJsonException {
    return checked(value, this, key, -1);
  }

  /** The object at {@code index} of the array in field {@code key} of this object. */
  JsonFields element(String key, int index, JsonNode value) throws DomainCapabilitiesJsonException {
    return checked(value, this, key, index);
  }

  private static JsonFields checked(JsonNode node, JsonFields parent, String key, int index)
      throws DomainCapabilitiesJsonException {
    JsonFields f = new JsonFields(node, parent, key, index);
    if (!node.isObject()) {
      throw new DomainCapabilitiesJsonException(display(f.path()),
          "expected an object, found " + describe(node));
    }
    return f;
  }

  /** The jq path of {@code key} below {@code parent}: {@code .a.b} or {@code .a["s390-pv"]}. */
  static String child(String parent, String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return parent + "." + key;
    }
    return parent + "[" + quote(key) + "]";
  }

  static String display(String path) {
    return path.isEmpty() ? "." : path;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** A short description of a value for error messages. */
  static String describe(JsonNode n) {
    if (n.isTextual()) {
      String t = n.textValue();
      return "the string " + quote(t.length() > 60 ? t.substring(0, 60) + "..." : t);
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    if (n.isBoolean()) {
      return n.asText();
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isArray() ? "an array" : "an object";
  }

  String path() {
    if (parent == null) {
      return "";
    }
    String p = child(parent.path(), key);
    return index < 0 ? p : p + "[" + index + "]";
  }

  String path(String key) {
    return child(path(), key);
  }

  DomainCapabilitiesJsonException error(String key, String problem) {
    return new DomainCapabilitiesJsonException(path(key), problem);
  }

  DomainCapabilitiesJsonException error(String problem) {
    return new DomainCapabilitiesJsonException(display(path()), problem);
  }

  /** The field, or null when missing. */
  JsonNode get(String key) {
    JsonNode v = node.get(key);
    if (!expected.contains(key)) {
      expected.add(key);
      if (v != null) {
        found++; // each present field counted once, however often it is asked for
      }
    }
    return v;
  }

  boolean has(String key) {
    return get(key) != null;
  }

  private JsonNode require(String key, String what) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    if (v == null) {
      throw error("missing field " + quote(key) + " (expected " + what + ")");
    }
    return v;
  }

  String string(String key) throws DomainCapabilitiesJsonException {
    return text(key, require(key, "a string"), "a string");
  }

  Optional<String> optString(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    return v == null ? Optional.empty() : Optional.of(text(key, v, "a string"));
  }

  private String text(String key, JsonNode v, String what) throws DomainCapabilitiesJsonException {
    if (!v.isTextual()) {
      throw error(key, "expected " + what + ", found " + describe(v));
    }
    return xmlText(() -> path(key), v.textValue());
  }

  /** A string that must be one of {@code choices}. */
  String choice(String key, String... choices) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    if (v != null && v.isTextual()) {
      for (String c : choices) {
        if (c.equals(v.textValue())) {
          return c;
        }
      }
    }
    // The description is built only on the error path: this runs for every "supported".
    String what = choices.length == 2
        ? quote(choices[0]) + " or " + quote(choices[1])
        : "one of " + String.join(", ", List.of(choices).stream().map(JsonFields::quote).toList());
    if (v == null) {
      throw error("missing field " + quote(key) + " (expected " + what + ")");
    }
    throw error(key, "expected " + what + ", found "
        + (v.isTextual() ? quote(v.textValue()) : describe(v)));
  }

  /**
   * The required {@code supported} field: "yes" or "no" (absence is expressed by leaving out the
   * whole element).
   */
  Supported supported() throws DomainCapabilitiesJsonException {
    return "yes".equals(choice("supported", "yes", "no")) ? Supported.YES : Supported.NO;
  }

  boolean yesNo(String key) throws DomainCapabilitiesJsonException {
    return "yes".equals(choice(key, "yes", "no"));
  }

  JsonFields object(String key) throws DomainCapabilitiesJsonException {
    return child(require(key, "an object"), key);
  }

  Optional<JsonFields> optObject(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    return v == null ? Optional.empty() : Optional.of(child(v, key));
  }

  /** The elements of an array field; an empty list when the field is missing. */
  List<JsonNode> optArray(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(key, "expected an array, found " + describe(v));
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /** An array of distinct strings. */
  List<String> strings(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = get(key);
    if (v == null || !v.isArray()) {
      throw error(key, "expected an array of strings, found "
          + (v == null ? "nothing" : describe(v)));
    }
    List<String> out = new ArrayList<>(v.size());
    // Linear: a hash set of the values so far, never a scan of the list per value.
    Set<String> distinct = v.size() > 8 ? new HashSet<>(v.size() * 2) : null;
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual()) {
        throw new DomainCapabilitiesJsonException(path(key) + "[" + i + "]",
            "expected a string, found " + describe(e));
      }
      int at = i;
      xmlText(() -> path(key) + "[" + at + "]", e.textValue());
      if (distinct == null ? out.contains(e.textValue()) : !distinct.add(e.textValue())) {
        throw new DomainCapabilitiesJsonException(path(key) + "[" + i + "]",
            "repeats the value " + quote(e.textValue()));
      }
      out.add(e.textValue());
    }
    return out;
  }

  int integer(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = require(key, "an integer");
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw error(key, "expected a 32-bit integer, found " + describe(v));
    }
    return v.intValue();
  }

  OptionalInt optInteger(String key) throws DomainCapabilitiesJsonException {
    return has(key) ? OptionalInt.of(integer(key)) : OptionalInt.empty();
  }

  /** An unsigned 64-bit integer, returned in a long's bits (read it with Long.toUnsignedString). */
  long unsigned64(String key) throws DomainCapabilitiesJsonException {
    JsonNode v = require(key, "an unsigned 64-bit integer");
    if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0
        || v.bigIntegerValue().compareTo(MAX_UNSIGNED_64) > 0) {
      throw error(key, "expected an unsigned 64-bit integer, found " + describe(v));
    }
    return v.bigIntegerValue().longValue();
  }

  /** The field names of this object, in document order. */
  List<String> fieldNames() {
    List<String> out = new ArrayList<>(node.size());
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Refuses any field that was not asked for. */
  void end() throws DomainCapabilitiesJsonException {
    if (found == node.size()) {
      return; // every field was asked for
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!expected.contains(name)) {
        throw error(name, "unexpected field " + quote(name) + " (expected "
            + (expected.isEmpty() ? "no field" : String.join(", ", expected)) + ")");
      }
    }
  }

  /** Ends an element that said {@code "supported": "no"}: it carries nothing else. */
  void endUnsupported() throws DomainCapabilitiesJsonException {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("supported")) {
        throw error(name, "unexpected field " + quote(name)
            + " (an element with \"supported\": \"no\" carries no other field)");
      }
    }
  }
}

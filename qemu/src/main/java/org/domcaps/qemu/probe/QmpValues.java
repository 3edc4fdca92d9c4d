// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import org.domcaps.qemu.qmp.QmpJson;
import org.domcaps.qemu.qmp.QmpProtocolException;
import org.domcaps.qemu.qmp.QmpSession;

/**
 * Typed access to the members of a QMP return value, failing as libvirt does when a required
 * member is missing or has the wrong type ("expected ... but was ...").
 */
final class QmpValues {
  private QmpValues() {}

  static JsonNode array(JsonNode ret, String command) throws QmpProtocolException {
    if (!ret.isArray()) {
      throw QmpSession.unexpectedType(command, "array", ret);
    }
    return ret;
  }

  static JsonNode object(JsonNode ret, String command) throws QmpProtocolException {
    if (!ret.isObject()) {
      throw QmpSession.unexpectedType(command, "object", ret);
    }
    return ret;
  }

  static JsonNode member(JsonNode obj, String key, String command) throws QmpProtocolException {
    JsonNode v = obj.isObject() ? obj.get(key) : null;
    if (v == null) {
      throw new QmpProtocolException(
          "reply to '" + command + "': expected member '" + key + "' but was "
              + QmpJson.abbreviate(QmpJson.compact(obj)));
    }
    return v;
  }

  static String string(JsonNode obj, String key, String command) throws QmpProtocolException {
    JsonNode v = member(obj, key, command);
    if (!v.isTextual()) {
      throw wrongType(command, key, "a string", v);
    }
    return v.textValue();
  }

  static boolean bool(JsonNode obj, String key, String command) throws QmpProtocolException {
    JsonNode v = member(obj, key, command);
    if (!v.isBoolean()) {
      throw wrongType(command, key, "a boolean", v);
    }
    return v.booleanValue();
  }

  static long integer(JsonNode obj, String key, String command) throws QmpProtocolException {
    JsonNode v = member(obj, key, command);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrongType(command, key, "an integer", v);
    }
    return v.longValue();
  }

  /** Optional string member: null when absent (or not a string). */
  static String optString(JsonNode obj, String key) {
    JsonNode v = obj.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** Optional boolean member: {@code absent} when absent (or not a boolean). */
  static boolean optBool(JsonNode obj, String key, boolean absent) {
    JsonNode v = obj.get(key);
    return v != null && v.isBoolean() ? v.booleanValue() : absent;
  }

  /** The required string member {@code key} of every element of an array return. */
  static Set<String> names(JsonNode ret, String key, String command) throws QmpProtocolException {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode e : array(ret, command)) {
      out.add(string(e, key, command));
    }
    return out;
  }

  private static QmpProtocolException wrongType(String command, String key, String expected,
      JsonNode v) {
    return new QmpProtocolException(
        "reply to '" + command + "': expected " + expected + " for member '" + key + "' but was "
            + QmpJson.compact(v));
  }
}

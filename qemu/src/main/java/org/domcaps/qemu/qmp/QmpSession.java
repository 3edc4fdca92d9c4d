// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * One QMP monitor connection as libvirt drives it: the greeting is read, {@code qmp_capabilities}
 * is sent, then commands go one at a time with ids {@code libvirt-1}, {@code libvirt-2}, ...
 * counted per connection ({@code qmp_capabilities} is {@code libvirt-1}). Replies are taken as
 * they come; their ids are never compared (libvirt does not either).
 */
public final class QmpSession {
  private final QmpTransport transport;
  private int serial;

  private QmpSession(QmpTransport transport) {
    this.transport = transport;
  }

  /**
   * Reads the greeting and negotiates capabilities. The caller keeps ownership of the transport.
   */
  public static QmpSession open(QmpTransport transport) throws IOException {
    QmpSession s = new QmpSession(transport);
    JsonNode greeting = transport.greeting();
    if (greeting == null || !greeting.isObject() || !greeting.has("QMP")) {
      throw new QmpProtocolException(
          "expected a QMP greeting object with member 'QMP' but was "
              + (greeting == null ? "nothing" : QmpJson.abbreviate(QmpJson.compact(greeting))));
    }
    JsonNode r = s.execute("qmp_capabilities", null);
    if (!r.isObject()) {
      throw unexpectedType("qmp_capabilities", "object", r);
    }
    return s;
  }

  /**
   * Sends {@code execute} with {@code arguments} (null or empty for none) and returns the value of
   * {@code return}; an {@code error} reply throws {@link QmpErrorException}.
   */
  public JsonNode execute(String execute, ObjectNode arguments) throws IOException {
    ObjectNode cmd = QmpJson.mapper().createObjectNode();
    cmd.put("execute", execute);
    if (arguments != null && !arguments.isEmpty()) {
      cmd.set("arguments", arguments);
    }
    cmd.put("id", "libvirt-" + (++serial));
    JsonNode reply = transport.exchange(cmd);
    if (reply == null || !reply.isObject()) {
      throw new QmpProtocolException(
          "expected a reply object to '" + execute + "' but was "
              + (reply == null ? "nothing" : QmpJson.abbreviate(QmpJson.compact(reply))));
    }
    JsonNode error = reply.get("error");
    if (error != null) {
      throw new QmpErrorException(
          execute, text(error.get("class"), "unknown"), text(error.get("desc"), "unknown error"));
    }
    JsonNode ret = reply.get("return");
    if (ret == null) {
      throw new QmpProtocolException(
          "expected 'return' or 'error' in the reply to '" + execute + "' but was "
              + QmpJson.abbreviate(QmpJson.compact(reply)));
    }
    return ret;
  }

  /** {@link #execute}, where an error of class {@code tolerated} means "no data" (empty). */
  public Optional<JsonNode> executeTolerating(String execute, ObjectNode arguments,
      String tolerated)
      throws IOException {
    try {
      return Optional.of(execute(execute, arguments));
    } catch (QmpErrorException e) {
      if (e.errorClass().equals(tolerated)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The error libvirt reports when a {@code return} has the wrong JSON type. */
  public static QmpProtocolException unexpectedType(String command, String expected, JsonNode was) {
    return new QmpProtocolException(
        "unexpected type returned by QEMU command '" + command + "': expected " + expected
            + " but was " + QmpJson.abbreviate(QmpJson.compact(was)));
  }

  private static String text(JsonNode n, String absent) {
    return n == null || n.isNull() ? absent : n.asText();
  }
}

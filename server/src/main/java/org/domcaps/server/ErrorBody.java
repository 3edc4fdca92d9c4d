// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The JSON body of every refusal: {@code {"status": 400, "error": "MESSAGE"}}, where MESSAGE is
 * libvirt's complete text for a refused request ({@code invalid argument: unknown architecture:
 * foo}) and our own, naming what was expected and quoting the input, for a malformed one.
 */
final class ErrorBody {
  private ErrorBody() {}

  static Document of(int status, String message) {
    StringBuilder s = new StringBuilder("{\n  \"status\": ").append(status)
        .append(",\n  \"error\": \"");
    s.append(JsonStringEncoder.getInstance().quoteAsString(message));
    return Document.utf8(s.append("\"\n}\n").toString(), "application/json");
  }

  /** At most 200 characters of client input, for quoting it in a message. */
  static String quote(String input) {
    String s = input.length() > 200 ? input.substring(0, 200) + "..." : input;
    return "\"" + s + "\"";
  }
}

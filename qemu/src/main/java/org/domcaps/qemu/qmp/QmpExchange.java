// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command and the reply that answered it, as a {@code .replies} recording holds them.
 *
 * @param command the command object ({@code execute}, optional {@code arguments}, {@code id})
 * @param reply the reply object ({@code return} or {@code error}, {@code id})
 * @param line 1-based line of the command in its file, 0 when not read from a file
 */
public record QmpExchange(JsonNode command, JsonNode reply, int line) {
  public String execute() {
    JsonNode e = command.get("execute");
    return e == null ? "" : e.asText();
  }
}

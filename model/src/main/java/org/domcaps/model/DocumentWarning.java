// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/**
 * Something a reader accepted but does not know (an element, attribute or enum name of a newer
 * libvirt): kept, and reported so that {@code validate} can warn and {@code validate --strict}
 * refuse. {@code line} and {@code column} are 1-based, -1 when the form has no positions (JSON
 * names a jq path in {@code where} instead).
 */
public record DocumentWarning(int line, int column, String where, String message) {
  /** {@code LINE:COLUMN: where: message}, or {@code where: message} without a position. */
  @Override
  public String toString() {
    return (line < 0 ? "" : line + ":" + column + ": ") + where + ": " + message;
  }
}

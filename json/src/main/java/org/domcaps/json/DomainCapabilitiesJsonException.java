// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

/**
 * JSON that is not the JSON form of a domain capabilities document. The message reads {@code
 * <line:column> problem} for malformed JSON and {@code .jq.path: problem} for well-formed JSON of
 * the wrong shape; the path is written so that it can be pasted into {@code jq}.
 */
public final class DomainCapabilitiesJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final int line;
  private final int column;

  DomainCapabilitiesJsonException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.line = -1;
    this.column = -1;
  }

  DomainCapabilitiesJsonException(int line, int column, String problem, Throwable cause) {
    super("<" + line + ":" + column + "> " + problem, cause);
    this.path = "";
    this.line = line;
    this.column = column;
  }

  /**
   * The jq path of the offending value (e.g. {@code .devices.disk.supported}); empty for syntax
   * errors.
   */
  public String path() {
    return path;
  }

  /** 1-based line of a syntax error; -1 for shape errors, which are located by {@link #path()}. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

/**
 * A document that is not a libvirt domain capabilities document, or is too large or too
 * deep. The message reads {@code <line:column> /element/path[@attr]: problem}.
 */
public final class DomainCapabilitiesParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String path;

  public DomainCapabilitiesParseException(int line, int column, String path, String problem) {
    super("<" + line + ":" + column + "> " + path + ": " + problem);
    this.line = line;
    this.column = column;
    this.path = path;
  }

  public DomainCapabilitiesParseException(String message, Throwable cause) {
    super(message, cause);
    this.line = -1;
    this.column = -1;
    this.path = "";
  }

  /** 1-based line of the offending input; -1 when unknown. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** Element path, e.g. {@code /domainCapabilities/vcpu@max}. */
  public String path() {
    return path;
  }
}

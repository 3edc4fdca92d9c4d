// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

/** A domain definition that cannot be read: not XML, hostile, too large, or not a domain. */
public final class DomainXmlException extends Exception {
  private final int line;
  private final int column;

  public DomainXmlException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public DomainXmlException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/** {@code usable} of a custom CPU model (virDomainCapsCPUUsable). */
public enum Usable {
  UNKNOWN("unknown"),
  YES("yes"),
  NO("no");

  private final String xmlValue;

  Usable(String xmlValue) {
    this.xmlValue = xmlValue;
  }

  public String xmlValue() {
    return xmlValue;
  }

  /** The constant for {@code yes}, {@code no} or {@code unknown}; null for anything else. */
  public static Usable fromXml(String value) {
    for (Usable u : values()) {
      if (u.xmlValue.equals(value)) {
        return u;
      }
    }
    return null;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/**
 * libvirt's tri-state {@code supported} attribute (virTristateBool). {@link #ABSENT} means "not
 * reported": the element is left out of the document. It never means {@link #NO}.
 */
public enum Supported {
  ABSENT,
  YES,
  NO;

  /** True unless {@link #ABSENT}: the element appears in the document. */
  public boolean isReported() {
    return this != ABSENT;
  }

  /** {@code yes} or {@code no}; throws for {@link #ABSENT}, which has no textual form. */
  public String xmlValue() {
    switch (this) {
      case YES:
        return "yes";
      case NO:
        return "no";
      default:
        throw new IllegalStateException("ABSENT has no XML value; the element is omitted");
    }
  }

  /** YES for true, NO for false: for capabilities libvirt always reports. */
  public static Supported of(boolean supported) {
    return supported ? YES : NO;
  }
}

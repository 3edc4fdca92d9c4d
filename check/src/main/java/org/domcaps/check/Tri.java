// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

/** A fact that may be unknown: what the probe knows, or "not reported, cannot tell". */
public enum Tri {
  YES,
  NO,
  UNKNOWN;

  public static Tri of(boolean b) {
    return b ? YES : NO;
  }
}

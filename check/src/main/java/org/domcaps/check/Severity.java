// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

/** How sure a finding is: an error refuses the definition; a warning cannot tell. */
public enum Severity {
  /** libvirt or QEMU would refuse the definition here. */
  ERROR,
  /** The capabilities do not report what decides it: not reported, cannot tell. */
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.io.IOException;

/** The probe refused what QEMU reported (too old a QEMU, an arch libvirt does not know). */
public final class ProbeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the probe refused, so callers map it to libvirt's error code without reading the text. */
  public enum Kind {
    /** QEMU is older than libvirt 9.0.0's minimum (4.2.0): libvirt's unsupported configuration. */
    QEMU_TOO_OLD,
    /** {@code query-target} names an arch libvirt does not know: libvirt's internal error. */
    UNKNOWN_ARCH
  }

  private final Kind kind;

  public ProbeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

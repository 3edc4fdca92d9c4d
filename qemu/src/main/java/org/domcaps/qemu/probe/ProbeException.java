// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.io.IOException;

/** The probe refused what QEMU reported (too old a QEMU, an arch libvirt does not know). */
public final class ProbeException extends IOException {
  private static final long serialVersionUID = 1L;

  public ProbeException(String message) {
    super(message);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.io.IOException;

/**
 * A capability-cache document is not one libvirt 9.0.0 would load; the message names line:column.
 */
public final class QemuCapsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public QemuCapsFormatException(String message) {
    super(message);
  }

  public QemuCapsFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

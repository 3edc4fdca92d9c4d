// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import java.io.IOException;

/** A QMP conversation failed: QEMU answered with an error, or broke the protocol. */
public class QmpException extends IOException {
  private static final long serialVersionUID = 1L;

  public QmpException(String message) {
    super(message);
  }

  public QmpException(String message, Throwable cause) {
    super(message, cause);
  }
}

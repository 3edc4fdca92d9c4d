// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.InterruptedIOException;

/** The QMP peer did not send the greeting or a reply within the allowed time. */
class QmpTimeoutException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  public QmpTimeoutException(String message) {
    super(message);
  }
}

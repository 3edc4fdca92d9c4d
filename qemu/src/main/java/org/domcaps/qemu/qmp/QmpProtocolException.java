// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

/**
 * QEMU's answer does not have the shape the protocol or the command requires (no greeting, a
 * reply without {@code return}, a member of the wrong JSON type, a missing required member).
 */
public final class QmpProtocolException extends QmpException {
  private static final long serialVersionUID = 1L;

  public QmpProtocolException(String message) {
    super(message);
  }
}

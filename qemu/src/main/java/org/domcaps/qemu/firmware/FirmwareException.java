// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

/**
 * A firmware failure that stops the request as in libvirt (an unreadable descriptor directory, an
 * invalid qemu.conf {@code nvram} entry). The message is libvirt's text without its prefix.
 */
public final class FirmwareException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FirmwareException(String message) {
    super(message);
  }
}

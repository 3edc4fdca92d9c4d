// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

/** A host fact libvirt needs could not be read; the message is libvirt's text. */
public final class HostFactException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HostFactException(String message) {
    super(message);
  }
}

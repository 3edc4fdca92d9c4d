// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.nio.file.Path;

/**
 * A descriptor file libvirt 9.0 would refuse; the message is libvirt's wording where it has one.
 */
public final class FirmwareParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public FirmwareParseException(Path file, String message) {
    super(message);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}

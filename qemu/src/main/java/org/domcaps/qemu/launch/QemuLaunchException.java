// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A probe process could not be started or failed during its session. The message names the binary;
 * by the time this is thrown the process has been killed and reaped and its work directory removed.
 */
public class QemuLaunchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path binary;

  public QemuLaunchException(Path binary, String message) {
    super(message);
    this.binary = binary;
  }

  public QemuLaunchException(Path binary, String message, Throwable cause) {
    super(message, cause);
    this.binary = binary;
  }

  /** The emulator binary as it was given. */
  public Path binary() {
    return binary;
  }
}

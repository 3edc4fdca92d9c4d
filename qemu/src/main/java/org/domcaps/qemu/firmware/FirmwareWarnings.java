// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.io.PrintStream;

/**
 * Where firmware lookup reports what it skipped (a malformed descriptor, a dangling symlink) and
 * what libvirt would only log (the obsolete qemu.conf {@code nvram} setting). The CLI prints them
 * on stderr; tests collect them.
 */
@FunctionalInterface
public interface FirmwareWarnings {
  void warn(String message);

  /** Discards every warning. */
  FirmwareWarnings IGNORE = message -> {};

  /** Prints {@code warning: MESSAGE} lines on the given stream. */
  static FirmwareWarnings printingTo(PrintStream out) {
    return message -> out.println("warning: " + message);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's own identity as libvirt sees it. */
public final class ProcessIdentity {
  private ProcessIdentity() {}

  /**
   * geteuid(), read from {@code /proc/self/status} (second field of {@code Uid:}) so that a warm
   * answer does not pay for loading JNA; the system call only where {@code /proc} is missing.
   */
  public static int effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).strip().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the system call
    }
    return Libc.INSTANCE.geteuid();
  }

  /** libvirt's embedded and system drivers are privileged when running as root. */
  public static boolean privileged() {
    return effectiveUid() == 0;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.qemu.launch.ProcessLifetime;

/**
 * The QEMU processes domcaps starts to probe: they never outlive the JVM (a shutdown hook kills
 * any still running on SIGTERM, SIGINT, SIGHUP or exit; a parent-death signal covers SIGKILL).
 * Thread-safe.
 */
public final class ProbeProcesses {
  private ProbeProcesses() {}

  /**
   * Runs {@code action} at shutdown before the remaining probe processes are killed, in the same
   * hook (the JVM runs separate hooks concurrently, so a hook of the caller's own would race the
   * killing). A service draining its in-flight requests, whose probes must finish, stops here.
   */
  public static void atShutdownBeforeKilling(Runnable action) {
    ProcessLifetime.beforeReaping(action);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and placement for probe processes. libvirt 9.0.0 has no timeout at all while probing (a
 * QEMU that never answers hangs the daemon); we bound every wait instead.
 *
 * @param startTimeout from spawning QEMU until its QMP greeting has been read
 * @param commandTimeout from sending one command until its reply has been read
 * @param stopTimeout how long a QEMU may take to exit after {@code quit} or SIGTERM before it is
 *     sent SIGKILL (libvirt: 10 s)
 * @param workDirParent where the private {@code qmp-XXXX} directories are created (libvirt uses its
 *     lib dir, e.g. {@code /var/lib/libvirt/qemu}; we default to {@code java.io.tmpdir})
 */
public record LaunchSettings(
    Duration startTimeout, Duration commandTimeout, Duration stopTimeout, Path workDirParent) {

  public LaunchSettings {
    requirePositive(startTimeout, "startTimeout");
    requirePositive(commandTimeout, "commandTimeout");
    requirePositive(stopTimeout, "stopTimeout");
    Objects.requireNonNull(workDirParent, "workDirParent");
  }

  /** 30 s to start, 60 s per command, 10 s to stop, work dirs under {@code java.io.tmpdir}. */
  public static LaunchSettings defaults() {
    return new LaunchSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  public LaunchSettings withStartTimeout(Duration d) {
    return new LaunchSettings(d, commandTimeout, stopTimeout, workDirParent);
  }

  public LaunchSettings withCommandTimeout(Duration d) {
    return new LaunchSettings(startTimeout, d, stopTimeout, workDirParent);
  }

  public LaunchSettings withStopTimeout(Duration d) {
    return new LaunchSettings(startTimeout, commandTimeout, d, workDirParent);
  }

  public LaunchSettings withWorkDirParent(Path p) {
    return new LaunchSettings(startTimeout, commandTimeout, stopTimeout, p);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ending a probe process for good, in libvirt's order (virProcessKillPainfully: SIGTERM, SIGKILL
 * after a grace period) but without its fixed 200 ms sleeps: QEMU is our child, so we wait for it
 * and reap it. Descendants (a wrapper script's children) get the same signals; they are not our
 * children, so for them "gone" includes "zombie waiting for init".
 */
final class Reaping {
  private static final Duration AFTER_SIGKILL = Duration.ofSeconds(10);
  private static final Duration REAPED_BY_OTHERS = Duration.ofSeconds(2);
  private static final long POLL_MILLIS = 5;

  private Reaping() {}

  static void terminate(Process process, List<ProcessHandle> descendants, Duration grace) {
    boolean interrupted = Thread.interrupted();
    try {
      if (process.isAlive()) {
        process.destroy();
      }
      descendants.stream().filter(Reaping::running).forEach(ProcessHandle::destroy);
      if (!await(process, grace)) {
        // QEMU first: behind unshare it is unshare's child, which then reaps it and exits.
        descendants.stream().filter(Reaping::running).forEach(ProcessHandle::destroyForcibly);
        if (!await(process, Duration.ofSeconds(1))) {
          process.destroyForcibly();
        }
      }
      long deadline = System.nanoTime() + grace.toNanos();
      for (ProcessHandle h : descendants) {
        while (running(h) && System.nanoTime() - deadline < 0) {
          sleep();
        }
        if (running(h)) {
          h.destroyForcibly();
        }
      }
      await(process, AFTER_SIGKILL);
      // Descendants are reaped by their own parents (or init): wait briefly until they are.
      long reaped = System.nanoTime() + REAPED_BY_OTHERS.toNanos();
      for (ProcessHandle h : descendants) {
        while (ProcessHandle.of(h.pid()).isPresent() && System.nanoTime() - reaped < 0) {
          sleep();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits (reaping) up to {@code limit}; true if the process has exited. */
  static boolean await(Process process, Duration limit) {
    try {
      return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Alive and not a zombie (a zombie has exited and only waits for its parent to reap it). */
  static boolean running(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
      String afterComm = stat.substring(stat.lastIndexOf(')') + 1).strip();
      return !afterComm.startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a child's stderr to its end on a daemon thread, so that QEMU never blocks on a full pipe
 * and its complaints can be quoted in error messages (libvirt quotes stderr the same way). Keeps
 * the first {@value #KEEP} bytes.
 */
final class StderrDrain {
  private static final int KEEP = 16 * 1024;

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread thread;

  StderrDrain(InputStream in, String name) {
    thread = new Thread(() -> drain(in), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream in) {
    byte[] chunk = new byte[4096];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        synchronized (kept) {
          kept.write(chunk, 0, Math.max(0, Math.min(n, KEEP - kept.size())));
        }
      }
    } catch (IOException e) {
      // The stream closes under us when the process is torn down; what was read is kept.
    }
  }

  /** What was read so far, trimmed, after waiting up to {@code waitMillis} for end of stream. */
  String text(long waitMillis) {
    try {
      thread.join(waitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (kept) {
      return kept.toString(StandardCharsets.UTF_8).strip();
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An access-log sink that writes lines in batches: at thousands of requests a second one write(2)
 * per line would cost more than the answers. Lines are flushed every 200 ms, when 32 KiB are
 * pending, and on {@link #close()}.
 */
public final class BufferedLines implements Consumer<String>, AutoCloseable {
  private static final int FLUSH_AT = 32 * 1024;
  private final OutputStream out;
  private final StringBuilder pending = new StringBuilder(FLUSH_AT * 2);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(WarmAnswers.daemon("domcaps-access-log"));

  public BufferedLines(OutputStream out) {
    this.out = out;
    timer.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
  }

  @Override
  public void accept(String line) {
    boolean full;
    synchronized (this) {
      pending.append(line).append('\n');
      full = pending.length() >= FLUSH_AT;
    }
    if (full) {
      flush();
    }
  }

  /** Writes what is pending. */
  public void flush() {
    byte[] bytes;
    synchronized (this) {
      if (pending.length() == 0) {
        return;
      }
      bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
      pending.setLength(0);
    }
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // The log's reader went away; the service keeps serving.
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    flush();
  }
}

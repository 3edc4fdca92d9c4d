// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The hang bar of issue 16 (no input takes more than a second), kept honest on a loaded machine.
 * libFuzzer's own {@code -timeout} counts wall time, so on a shared machine a descheduled JVM, a
 * GC pause or the class loading of the first input reads as a hang. Each input is timed here
 * instead, in CPU time of the fuzzing thread (what the input itself costs; time spent waiting
 * for a core does not count): one that took longer than {@link #LIMIT_MS} is run twice more, and
 * only when the fastest of the three still exceeds the limit is it a finding (an {@link
 * AssertionError}, which Jazzer saves as a crash input). A single slow run is reported on stderr
 * as a stall, and the fuzz script counts those lines. libFuzzer's wall-clock timeout stays as
 * the backstop for an input that never returns.
 */
final class Hangs {
  static final long LIMIT_MS = 1000;
  static final String STALL = "domcaps-fuzz: stall: ";

  @FunctionalInterface
  interface Body {
    void run(byte[] input) throws Exception;
  }

  private Hangs() {}

  static void bounded(byte[] input, Body body) throws Exception {
    long ms = timed(input, body);
    if (ms <= LIMIT_MS) {
      return;
    }
    long best = ms;
    for (int i = 0; i < 2 && best > LIMIT_MS; i++) {
      best = Math.min(best, timed(input, body));
    }
    if (best > LIMIT_MS) {
      throw new AssertionError("hang: an input of " + input.length + " bytes takes " + best
          + " ms of CPU at best over three runs (limit " + LIMIT_MS + " ms)");
    }
    System.err.println(STALL + "an input of " + input.length + " bytes took " + ms
        + " ms of CPU once and " + best + " ms on a re-run (the machine, not the input)");
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Milliseconds of this thread's CPU time (wall time where the JVM cannot tell CPU time). */
  private static long timed(byte[] input, Body body) throws Exception {
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
    long t0 = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    body.run(input);
    long t1 = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    return (t1 - t0) / 1_000_000;
  }
}

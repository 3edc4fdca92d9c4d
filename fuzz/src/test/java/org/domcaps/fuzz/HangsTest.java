// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fuzzers' hang bar: an input that costs over a second of CPU is a finding only when it does
 * every time; waiting (for a core, or asleep) costs nothing.
 */
class HangsTest {
  /** Spins until this thread has used {@code ms} of CPU. */
  private static void burnCpu(long ms) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long until = threads.getCurrentThreadCpuTime() + ms * 1_000_000;
    while (threads.getCurrentThreadCpuTime() < until) {
      Thread.onSpinWait(); // the loop's own native call keeps it from being optimised away
    }
  }

  @Test
  void sleepingIsNotAHang() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Hangs.bounded(new byte[1], in -> {
      runs.incrementAndGet();
      Thread.sleep(Hangs.LIMIT_MS + 100);
    });
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void anInputSlowOnlyOnceIsAStallNotAFinding() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Hangs.bounded(new byte[3], in -> {
      if (runs.getAndIncrement() == 0) {
        burnCpu(Hangs.LIMIT_MS + 100);
      }
    });
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void anInputSlowEveryTimeIsAHang() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> Hangs.bounded(new byte[5], in -> {
      runs.incrementAndGet();
      burnCpu(Hangs.LIMIT_MS + 50);
    })).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("hang: an input of 5 bytes takes ")
        .hasMessageEndingWith(" ms of CPU at best over three runs (limit 1000 ms)");
    assertThat(runs.get()).isEqualTo(3);
  }

  @Test
  void aFastInputRunsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Hangs.bounded(new byte[0], in -> runs.incrementAndGet());
    assertThat(runs.get()).isEqualTo(1);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fuzzers' hang bar: a slow input is a finding only when it is slow every time. */
class HangsTest {
  @Test
  void anInputSlowOnlyOnceIsAStallNotAFinding() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Hangs.bounded(new byte[3], in -> {
      if (runs.getAndIncrement() == 0) {
        Thread.sleep(Hangs.LIMIT_MS + 100);
      }
    });
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void anInputSlowEveryTimeIsAHang() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> Hangs.bounded(new byte[5], in -> {
      runs.incrementAndGet();
      Thread.sleep(Hangs.LIMIT_MS + 50);
    })).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("hang: an input of 5 bytes takes ")
        .hasMessageEndingWith(" ms at best over three runs (limit 1000 ms)");
    assertThat(runs.get()).isEqualTo(3);
  }

  @Test
  void aFastInputRunsOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Hangs.bounded(new byte[0], in -> runs.incrementAndGet());
    assertThat(runs.get()).isEqualTo(1);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.domcaps.server.client.HttpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running service follows changes on the host — an edited or touched firmware descriptor, a
 * touched QEMU binary — in the background, while a client keeps asking and never gets an error.
 * The time each change took to be served is printed (the figure is measured by
 * scripts/bench-serve.sh; here the bound only tolerates a loaded machine).
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class ServeRefreshTest {
  private static final String X86 = "/v1/domcaps?virttype=qemu&arch=x86_64";
  private static final long PATIENCE_NANOS = 60_000_000_000L;
  @TempDir Path dir;

  @Test
  void changesAreServedInTheBackgroundWithoutAFailedRequest() throws Exception {
    try (TestService s = new TestService(dir, true, new PostEndpoints())) {
      Hammer hammer = new Hammer(s);
      hammer.start();
      try {
        HttpReply before = s.unix.get(X86).requireOk();
        String loader = "<value>/usr/share/OVMF/OVMF_CODE_4M.fd</value>";
        assertThat(before.text()).contains(loader);

        Path descriptor = s.firmwareDir.resolve("60-edk2-x86_64.json");
        byte[] saved = Files.readAllBytes(descriptor);
        Files.delete(descriptor);
        HttpReply without = awaitAnswer(s, "removed descriptor", r -> !r.text().contains(loader));
        assertThat(without.header("ETag")).isNotEqualTo(before.header("ETag"));

        Files.write(descriptor, saved);
        HttpReply restored = awaitAnswer(s, "restored descriptor", r -> r.text().contains(loader));
        assertThat(restored.header("ETag")).isEqualTo(before.header("ETag"));

        long generation = generation(restored);
        TestService.touch(descriptor);
        awaitAnswer(s, "touched descriptor", r -> generation(r) > generation);

        long probes = probes(s);
        long beforeTouch = generation(s.unix.get(X86));
        Files.setLastModifiedTime(s.binary,
            java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        HttpReply touched = awaitAnswer(s, "touched binary", r -> generation(r) > beforeTouch);
        assertThat(probes(s)).as("a touched binary with the same bytes keeps its probes")
            .isEqualTo(probes);
        assertThat(touched.header("ETag")).isEqualTo(before.header("ETag"));

        // New bytes (a byte after the ELF image: QEMU still runs) are probed again.
        long beforeRewrite = generation(touched);
        Files.write(s.binary, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        HttpReply reprobed = awaitAnswer(s, "rewritten binary", r -> generation(r) > beforeRewrite);
        assertThat(probes(s)).as("the rewritten binary is probed again").isGreaterThan(probes);
        assertThat(reprobed.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(hammer.refreshingSeen.get()).as("a response said it was being refreshed")
            .isTrue();
      } finally {
        hammer.stop();
      }
      assertThat(hammer.failures).isEmpty();
      assertThat(hammer.ok.get()).isGreaterThan(10);
    }
  }

  private static HttpReply awaitAnswer(TestService s, String change, Predicate<HttpReply> done)
      throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < PATIENCE_NANOS) {
      HttpReply r = s.unix.get(X86).requireOk();
      if (done.test(r) && r.header(ApiHandler.REFRESHING).isEmpty()) {
        System.out.printf("serve refresh: %s served after %d ms%n", change,
            (System.nanoTime() - start) / 1_000_000);
        return r;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(change + " was not served within 60 s");
  }

  private static long generation(HttpReply r) {
    return Long.parseLong(r.header(ApiHandler.GENERATION).orElseThrow());
  }

  private static long probes(TestService s) throws Exception {
    for (String line : s.unix.get("/metrics").requireOk().text().split("\n")) {
      if (line.startsWith("domcaps_probes_total ")) {
        return Long.parseLong(line.substring(line.indexOf(' ') + 1));
      }
    }
    throw new AssertionError("no domcaps_probes_total in /metrics");
  }

  /** A client asking all the time, over TCP, recording anything but a 200. */
  private static final class Hammer {
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger ok = new AtomicInteger();
    final AtomicBoolean refreshingSeen = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Hammer(TestService s) {
      thread = new Thread(() -> {
        while (running.get()) {
          try {
            HttpReply r = s.tcp.get(X86);
            if (r.status() != 200) {
              failures.add(r.status() + " " + r.text());
            } else {
              ok.incrementAndGet();
              if (r.header(ApiHandler.REFRESHING).isPresent()) {
                refreshingSeen.set(true);
              }
            }
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      }, "hammer");
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}

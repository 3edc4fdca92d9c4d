// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 items 6 and 12: callers waiting for another caller's probe. A hung emulator queued
 * them (the Nth waited N × 60 s: no bound, failure not shared), and two cold {@code --all} runs
 * got false "Resource deadlock avoided" errors from the kernel's lock deadlock detector and
 * probed emulators twice. The probers here are scripted (they block, fail or answer a real
 * probe's capabilities) and count their calls; timeouts only catch hangs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Issue16LockWaitTest {
  static final String X86 = "/usr/bin/qemu-system-x86_64";
  static final String I386 = "/usr/bin/qemu-system-i386";
  static HostKey host;
  static String reference;

  @TempDir Path dir;
  final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void probeOnce() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(X86)), "skipped: " + X86 + " missing");
    host = LiveHostKey.read(LiveOptions.hostArch());
    reference = QemuCapsXml.write(LiveProber.live(x -> ProbeContexts.of(x, host)).probe(X86));
  }

  static QemuCaps referenceCaps() {
    try {
      return QemuCapsXml.read(reference);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Refusal hung() {
    return new Refusal(Refusal.NOT_QEMU,
        "QEMU binary " + X86 + " is not a usable QEMU: timed out after 60.0 s", null);
  }

  CapsCache cache(Prober prober, Duration lockWait) {
    return new CapsCache(dir, host, prober, warnings::add, lockWait);
  }

  @Test
  void failedProbeIsSharedWithWaitingThreads() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CapsCache c = cache(b -> {
      calls.incrementAndGet();
      sleep(1500);
      throw hung();
    }, CapsCache.LOCK_WAIT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      outcomes.add(pool.submit(() -> {
        try {
          c.lookup(X86);
          return "answered";
        } catch (Refusal e) {
          return e.text();
        }
      }));
    }
    for (Future<String> f : outcomes) {
      assertThat(f.get()).isEqualTo(hung().text());
    }
    pool.shutdown();
    assertThat(calls).hasValue(1);
  }

  @Test
  void failedProbeIsSharedWithCallersOfAnotherProcessWaitingForTheLock() throws Exception {
    CountDownLatch probing = new CountDownLatch(1);
    CountDownLatch otherWaits = new CountDownLatch(1);
    CapsCache first = cache(b -> {
      probing.countDown();
      await(otherWaits);
      sleep(500); // the other caller is polling for the lock by now
      throw hung();
    }, CapsCache.LOCK_WAIT);
    AtomicInteger secondCalls = new AtomicInteger();
    // Another instance: its lock is a separate FileLock, as another process's would be.
    CapsCache second = cache(b -> {
      secondCalls.incrementAndGet();
      return referenceCaps();
    }, CapsCache.LOCK_WAIT);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<String> a = pool.submit(() -> outcome(first));
    probing.await();
    Future<String> b = pool.submit(() -> {
      otherWaits.countDown();
      return outcome(second);
    });
    assertThat(a.get()).isEqualTo(hung().text());
    assertThat(b.get()).isEqualTo(hung().text());
    assertThat(secondCalls).hasValue(0);
    // A caller arriving after the failure probes afresh.
    assertThat(outcome(cache(x -> referenceCaps(), CapsCache.LOCK_WAIT))).isEqualTo("answered");
    pool.shutdown();
  }

  @Test
  void lockWaitIsBounded() throws Exception {
    CountDownLatch probing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CapsCache hanging = cache(b -> {
      probing.countDown();
      await(release);
      throw hung();
    }, CapsCache.LOCK_WAIT);
    AtomicInteger calls = new AtomicInteger();
    CapsCache waiter = cache(b -> {
      calls.incrementAndGet();
      return referenceCaps();
    }, Duration.ofSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(1);
    Future<String> a = pool.submit(() -> outcome(hanging));
    probing.await();
    try {
      assertThat(outcome(waiter)).isEqualTo("answered");
      assertThat(calls).hasValue(1);
      assertThat(warnings).anyMatch(w -> w.contains("for more than 1 s"));
    } finally {
      release.countDown();
    }
    assertThat(a.get()).isEqualTo(hung().text());
    pool.shutdown();
  }

  /**
   * Item 12: two processes, each looking up the same two binaries at once in opposite orders,
   * hold one entry lock each and wait for the other's: the kernel's deadlock detector counts
   * processes, not threads, and answered "Resource deadlock avoided". Each binary must be probed
   * once in all and nobody may see a lock error.
   */
  @Test
  void crossedColdLookupsInTwoProcessesProbeEachBinaryOnce() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(I386)), "skipped: " + I386 + " missing");
    Path refs = Files.createDirectories(dir.resolve("refs"));
    Files.writeString(refs.resolve(EntryNames.sha256(X86) + ".xml"), reference);
    Files.writeString(refs.resolve(EntryNames.sha256(I386) + ".xml"), QemuCapsXml.write(
        LiveProber.live(x -> ProbeContexts.of(x, host)).probe(I386)));
    Path cacheDir = dir.resolve("cache");
    Path go = dir.resolve("go");
    List<Process> ps = new ArrayList<>();
    for (List<String> order : List.of(List.of(X86, I386), List.of(I386, X86))) {
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CrossedLookupsMain.class.getName(),
          cacheDir.toString(), refs.toString(), go.toString()));
      cmd.addAll(order);
      ps.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    Thread.sleep(1500); // both JVMs up and polling for the signal
    Files.createFile(go);
    int probes = 0;
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(out).startsWith("probes=");
      assertThat(out).doesNotContain("deadlock").doesNotContain("error");
      assertThat(out.lines().count()).as(out).isEqualTo(1);
      probes += Integer.parseInt(out.strip().substring("probes=".length()));
    }
    assertThat(probes).isEqualTo(2);
  }

  static String outcome(CapsCache c) {
    try {
      c.lookup(X86);
      return "answered";
    } catch (Refusal e) {
      return e.text();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

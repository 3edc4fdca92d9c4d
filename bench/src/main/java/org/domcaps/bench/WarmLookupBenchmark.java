// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.HostKey;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.LiveProber;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.cache.Prober;
import org.domcaps.qemu.cache.Refusal;
import org.domcaps.qemu.caps.QemuCaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-process warm lookup (issue 7): a binary whose capabilities are in the cache, asked again
 * by a long-lived caller. The setup probes the installed QEMU once into a private cache dir.
 *
 * <ul>
 *   <li>{@code cacheHit}: {@link CapsCache#lookup} answered from memory after re-checking the
 *       entry (stat of the binary, host key) — libvirt's virQEMUCapsCacheLookup.
 *   <li>{@code cacheHitToDocument}: cache hit, request resolution and {@link DomCaps#fill} with
 *       the live facts (firmware directories listed and checked, swtpm and KVM facts from the
 *       cache dir, CPU section): the whole {@link DomainCapabilities} of a warm request.
 *   <li>{@code entryFromDisk}: a new cache instance (as a new process has) reading and
 *       validating the libvirt-format entry file.
 * </ul>
 *
 * Run: {@code java -jar bench/target/benchmarks.jar WarmLookupBenchmark -f 1 -wi 3 -i 5}
 * (QEMU at {@code -Dqemu=/usr/bin/qemu-system-x86_64}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmLookupBenchmark {
  private final String qemu = System.getProperty("qemu", "/usr/bin/qemu-system-x86_64");
  private Path dir;
  private HostKey host;
  private CapsCache cache;
  private Options options;

  @Setup
  public void probeOnce() throws IOException, Refusal, DomCapsException {
    dir = Files.createTempDirectory("domcaps-jmh");
    host = LiveHostKey.read(LiveOptions.hostArch());
    cache = new CapsCache(dir, host, prober(), System.err::println);
    cache.lookup(qemu);
    // The API's own options on the same cache directory: the first answer reads the entry
    // this setup wrote, later ones are hits in that instance's memory.
    options = LiveOptions.forThisHost(System.err::println, Optional.of(dir));
    DomCaps.answer(DomCapsRequest.of(qemu, null, null, null), options); // fills the memos
  }

  private Prober prober() {
    return LiveProber.live(x -> ProbeContexts.of(x, host));
  }

  @TearDown
  public void removeCache() throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public QemuCaps cacheHit() throws Refusal {
    return cache.lookup(qemu);
  }

  @Benchmark
  public DomainCapabilities cacheHitToDocument() throws DomCapsException {
    return DomCaps.answer(DomCapsRequest.of(qemu, null, null, null), options);
  }

  @Benchmark
  public QemuCaps entryFromDisk() throws Refusal {
    return new CapsCache(dir, host, b -> {
      throw new IllegalStateException("the entry must be valid: no probe expected");
    }, System.err::println).lookup(qemu);
  }
}

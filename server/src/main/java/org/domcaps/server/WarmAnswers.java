// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.qemu.api.EmulatorCaps;
import org.domcaps.qemu.api.Emulators;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.InstalledEmulators;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;

/**
 * The service's answers, kept warm: the first {@link Generation} probes every installed emulator
 * in parallel before anything is answered; afterwards {@link #invalidate} (called by {@link
 * HostWatch}) builds the next generation in the background while requests keep getting the
 * current one ({@link #refreshing()} tells them so), and swaps it in when it is complete. Probes
 * never run on more than {@code maxProbes} threads at once, start-up and on-demand ones together.
 */
final class WarmAnswers implements AutoCloseable {
  private final ServeSettings settings;
  private final Metrics metrics;
  private final ExecutorService probes;
  private final ExecutorService refresher;
  private final AtomicInteger generations = new AtomicInteger();
  private final AtomicInteger pendingBuilds = new AtomicInteger();
  private volatile Generation current;
  private boolean scheduled;
  private boolean reprobeRequested;
  private boolean fullReprobeRequested;
  /** The running build has published a generation with the default release's new probes. */
  private volatile boolean defaultPublished;

  WarmAnswers(ServeSettings settings, Metrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.probes = Executors.newFixedThreadPool(settings.maxProbes, daemon("domcaps-probe"));
    this.refresher = Executors.newSingleThreadExecutor(daemon("domcaps-refresh"));
  }

  /** Builds the first generation in the background; requests wait for it ({@link #await}). */
  void start() {
    pendingBuilds.incrementAndGet();
    refresher.execute(() -> runBuild(true, false));
  }

  /** The generation requests are answered from, waiting up to {@code wait} for the first one. */
  Optional<Generation> await(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (current == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return Optional.of(current);
    }
  }

  /** The current generation, or empty while the first one is being built. */
  Optional<Generation> current() {
    return Optional.ofNullable(current);
  }

  /** True while a newer generation is being built (the current one may be outdated). */
  boolean refreshing() {
    return pendingBuilds.get() > 0;
  }

  /**
   * True while the answers as {@code libvirt} may be outdated: a build is pending, unless it is
   * the running one that has already published this (the default) release's fresh answers.
   */
  boolean refreshing(LibvirtVersion libvirt) {
    int pending = pendingBuilds.get();
    return pending > 1
        || (pending == 1 && !(defaultPublished && libvirt.equals(settings.defaultLibvirt)));
  }

  /**
   * Waits until no build is pending (up to {@code wait}) and returns the generation then current:
   * a request refused by an outdated generation gets the answer of the one being built.
   */
  Generation awaitRefreshed(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (pendingBuilds.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return current;
    }
  }

  /**
   * Something an answer depends on changed: build a new generation. {@code reprobe}: a binary, the
   * module directory or KVM changed, so every emulator is looked up again through the capability
   * cache (which probes only the ones whose entry is no longer valid); otherwise only the host
   * facts and firmware are re-read and the answers rendered again. Requests arriving while a
   * build runs are coalesced into one more build.
   */
  synchronized void invalidate(boolean reprobe) {
    invalidate(reprobe, false);
  }

  /**
   * As {@link #invalidate(boolean)}; {@code binariesOnly}: what changed is only the installed
   * binaries' stat (a {@code touch}, a rewrite in place), so a binary whose bytes are unchanged
   * keeps its probes: the probe of the same bytes on the same host gives the same answer, and
   * it is the one slow step of a refresh (QEMU started twice per release).
   */
  synchronized void invalidate(boolean reprobe, boolean binariesOnly) {
    reprobeRequested |= reprobe;
    fullReprobeRequested |= reprobe && !binariesOnly;
    if (!scheduled) {
      scheduled = true;
      pendingBuilds.incrementAndGet();
      refresher.execute(() -> {
        boolean again;
        boolean full;
        synchronized (this) {
          scheduled = false;
          again = reprobeRequested;
          full = fullReprobeRequested;
          reprobeRequested = false;
          fullReprobeRequested = false;
        }
        runBuild(again, again && !full);
      });
    }
  }

  private void runBuild(boolean reprobe, boolean binariesOnly) {
    defaultPublished = false;
    try {
      Generation g = build(current, reprobe, binariesOnly);
      publish(g);
      metrics.refreshed(reprobe, g);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      settings.log.accept("domcaps serve: refresh failed, still serving generation "
          + (current == null ? "none" : current.number) + ": " + e);
    } finally {
      synchronized (this) {
        pendingBuilds.decrementAndGet();
        notifyAll();
      }
    }
  }

  private void publish(Generation g) {
    synchronized (this) {
      current = g;
      notifyAll();
    }
  }

  private Generation build(Generation previous, boolean reprobe, boolean binariesOnly)
      throws InterruptedException {
    long started = System.nanoTime();
    Map<LibvirtVersion, Options> live = new LinkedHashMap<>();
    for (LibvirtVersion v : settings.releases) {
      live.put(v, liveOptions(v));
    }
    List<String> binaries = InstalledEmulators.find(live.get(settings.defaultLibvirt));
    // Read before any probe (a binary replaced while it is probed then differs next time), and
    // only when something may have changed them.
    Map<String, BinaryBytes> bytes = new LinkedHashMap<>();
    for (String b : binaries) {
      BinaryBytes known = previous != null && !reprobe ? previous.bytes().get(b) : null;
      bytes.put(b, known != null ? known : BinaryBytes.of(b));
    }
    boolean same = previous != null && previous.binaries().equals(binaries)
        && previous.releases().containsAll(live.keySet());
    boolean unchangedBytes = reprobe && binariesOnly && same && bytes.equals(previous.bytes());
    boolean keep = same && (!reprobe || unchangedBytes);
    // At start-up every release's lookups are submitted before any is awaited (they share the
    // probe pool); on a refresh the default release's go first and alone, so that its answers
    // are served again as soon as possible (publishDefaultFirst), and the others' follow.
    boolean early = !keep && previous != null && live.size() > 1
        && previous.releases().containsAll(live.keySet());
    Map<LibvirtVersion, List<Future<Probed>>> pending = new LinkedHashMap<>();
    if (!keep) {
      for (Map.Entry<LibvirtVersion, Options> e : live.entrySet()) {
        if (!early || e.getKey().equals(settings.defaultLibvirt)) {
          pending.put(e.getKey(), submitAll(e.getValue(), binaries));
        }
      }
    }
    Map<LibvirtVersion, Generation.Release> releases = new LinkedHashMap<>();
    for (Map.Entry<LibvirtVersion, Options> e : live.entrySet()) {
      Map<String, Probed> probed;
      if (keep) {
        probed = previous.emulators(e.getKey());
      } else {
        List<Future<Probed>> f = pending.get(e.getKey());
        probed = collect(f != null ? f : submitAll(e.getValue(), binaries));
      }
      Options serving = e.getValue().withLookupsOn(probes);
      releases.put(e.getKey(), new Generation.Release(serving, orderOf(binaries, probed)));
      if (early && e.getKey().equals(settings.defaultLibvirt)) {
        publishDefaultFirst(previous, releases, started);
      }
    }
    Generation g = new Generation(generations.incrementAndGet(), settings.defaultLibvirt, releases,
        bytes, metrics);
    if (previous != null) {
      prerender(g, previous);
    }
    settings.log.accept(
        String.format("domcaps serve: generation %d ready (%d emulators, %s, %d ms)",
        g.number, binaries.size(), unchangedBytes ? "binaries' bytes unchanged"
            : reprobe ? "re-checked" : "re-rendered",
        (System.nanoTime() - started) / 1_000_000));
    return g;
  }

  /**
   * A re-probe probes every release (each asks QEMU its own questions): most requests ask for the
   * default release, so a generation with its new probes is served as soon as they are done,
   * the other releases answering from the previous generation's probes (flagged as refreshing)
   * until the complete generation replaces it.
   */
  private void publishDefaultFirst(Generation previous,
      Map<LibvirtVersion, Generation.Release> fresh, long started) {
    Map<LibvirtVersion, Generation.Release> early = new LinkedHashMap<>();
    for (LibvirtVersion v : previous.releases()) {
      early.put(v, fresh.containsKey(v) ? fresh.get(v) : previous.release(v));
    }
    Generation g = new Generation(generations.incrementAndGet(), settings.defaultLibvirt, early,
        previous.bytes(), metrics);
    prerender(g, previous);
    publish(g);
    defaultPublished = true;
    settings.log.accept(String.format("domcaps serve: generation %d ready for libvirt %s (%d ms);"
        + " the other releases follow", g.number, settings.defaultLibvirt,
        (System.nanoTime() - started) / 1_000_000));
  }

  /** The answers the previous generation gave, rendered again so the swap serves them warm. */
  private static void prerender(Generation g, Generation previous) {
    for (Object key : previous.answeredKeys()) {
      if (key instanceof Query q) {
        try {
          g.domcaps(q);
        } catch (DomCapsException e) {
          // Refused now: requests get the refusal from the new generation.
        }
      }
    }
  }

  private static Map<String, Probed> orderOf(List<String> binaries, Map<String, Probed> probed) {
    Map<String, Probed> out = new LinkedHashMap<>();
    for (String b : binaries) {
      out.put(b, probed.get(b));
    }
    return out;
  }

  private List<Future<Probed>> submitAll(Options lookup, List<String> binaries) {
    List<Future<Probed>> futures = new ArrayList<>();
    for (String b : binaries) {
      futures.add(submit(lookup, b));
    }
    return futures;
  }

  private static Map<String, Probed> collect(List<Future<Probed>> futures)
      throws InterruptedException {
    Map<String, Probed> out = new LinkedHashMap<>();
    for (Future<Probed> f : futures) {
      try {
        Probed p = f.get();
        out.put(p.binary(), p);
      } catch (ExecutionException e) {
        throw new IllegalStateException("probe failed unexpectedly", e.getCause());
      }
    }
    return out;
  }

  /** One lookup on the bounded probe pool; a refusal is an outcome, not a failure. */
  private Future<Probed> submit(Options options, String b) {
    return probes.submit(() -> {
      try {
        EmulatorCaps caps = Emulators.caps(b, options);
        return new Probed(b, caps, null);
      } catch (DomCapsException e) {
        return new Probed(b, null, e);
      }
    });
  }

  /**
   * The options {@code domcaps} itself would use (so answers are byte-identical to the CLI's),
   * read afresh: new host facts, a new host key for the capability cache, new firmware roots.
   */
  private Options liveOptions(LibvirtVersion libvirt) {
    LiveOptions.Builder b = LiveOptions.builder().warnings(settings.log::accept)
        .cacheDir(settings.cacheDir).libvirt(libvirt);
    settings.emulatorPath.ifPresent(b::emulatorPath);
    settings.firmwareDirs.ifPresent(b::firmwareDirs);
    Options o = b.build();
    metrics.track(libvirt, o);
    return o;
  }

  /** Where the installed emulators are looked for (what {@link HostWatch} watches for new ones). */
  Optional<String> emulatorPath() {
    return settings.emulatorPath;
  }

  /** Stops building and probing; a probe in flight has its QEMU killed by its interruption. */
  @Override
  public void close() {
    refresher.shutdownNow();
    probes.shutdownNow();
    try {
      probes.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

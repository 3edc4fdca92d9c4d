// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.domcaps.qemu.api.CapabilityCache;
import org.domcaps.qemu.api.Options;

/**
 * The service's counters in Prometheus' text format (version 0.0.4): requests by route and
 * status, a request-latency histogram, probes, answer-memo hits and misses, refreshes, and gauges
 * for the generation and the emulators. Lock-free on the request path (adders).
 */
final class Metrics {
  /** Upper bounds in seconds: a warm answer is tens of microseconds, a probe seconds. */
  private static final double[] BUCKETS = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
      10};
  private static final String[] LABELS = {
      "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
      "0.25", "0.5", "1", "2.5", "5", "10"};

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
  private final LongAdder latencyCount = new LongAdder();
  private final DoubleAdder latencySum = new DoubleAdder();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder reprobes = new LongAdder();
  private final LongAdder rerenders = new LongAdder();
  private volatile long generation;
  private volatile int emulators;
  private volatile int emulatorsRefused;
  private long retiredProbes;
  private final Map<Object, Options> liveCaches = new java.util.HashMap<>();
  private BooleanSupplier refreshing = () -> false;
  private java.util.function.LongSupplier inFlight = () -> 0;

  Metrics() {
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  void refreshingFrom(BooleanSupplier s) {
    refreshing = s;
  }

  void inFlightFrom(java.util.function.LongSupplier s) {
    inFlight = s;
  }

  /** One finished request; {@code route} is one of a fixed set, so label values stay bounded. */
  void request(String route, int status, long nanos) {
    requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
    double s = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (s <= BUCKETS[i]) {
        buckets[i].increment();
        break;
      }
    }
    latencyCount.increment();
    latencySum.add(s);
  }

  void answerHit() {
    hits.increment();
  }

  void answerMiss() {
    misses.increment();
  }

  /**
   * The capability cache a new generation looks binaries up in for one libvirt release (its
   * probe count is reported); it replaces that release's previous one.
   */
  synchronized void track(Object release, Options cache) {
    Options old = liveCaches.put(release, cache);
    if (old != null) {
      retiredProbes += CapabilityCache.probesRun(old);
    }
  }

  synchronized long probes() {
    long n = retiredProbes;
    for (Options c : liveCaches.values()) {
      n += CapabilityCache.probesRun(c);
    }
    return n;
  }

  void refreshed(boolean reprobe, Generation g) {
    (reprobe ? reprobes : rerenders).increment();
    generation = g.number;
    emulators = g.emulators.size();
    emulatorsRefused = (int) g.emulators.values().stream().filter(p -> p.error() != null).count();
  }

  String text() {
    StringBuilder s = new StringBuilder(4096);
    s.append("# HELP domcaps_requests_total HTTP requests by route and status.\n");
    s.append("# TYPE domcaps_requests_total counter\n");
    Map<String, Long> sorted = new TreeMap<>();
    requests.forEach((k, v) -> sorted.put(k, v.sum()));
    sorted.forEach((k, v) -> {
      String[] p = k.split("\u0000");
      s.append("domcaps_requests_total{route=\"").append(p[0]).append("\",status=\"").append(p[1])
          .append("\"} ").append(v).append('\n');
    });
    s.append("# HELP domcaps_request_duration_seconds Time from request line to response end.\n");
    s.append("# TYPE domcaps_request_duration_seconds histogram\n");
    long cumulative = 0;
    for (int i = 0; i < BUCKETS.length; i++) {
      cumulative += buckets[i].sum();
      s.append("domcaps_request_duration_seconds_bucket{le=\"").append(LABELS[i]).append("\"} ")
          .append(cumulative).append('\n');
    }
    long count = latencyCount.sum();
    s.append("domcaps_request_duration_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
    s.append("domcaps_request_duration_seconds_sum ").append(latencySum.sum()).append('\n');
    s.append("domcaps_request_duration_seconds_count ").append(count).append('\n');
    counter(s, "domcaps_probes_total", "QEMU probes run (capability cache misses).", probes());
    counter(s, "domcaps_answer_cache_hits_total", "Answers served from the rendered memo.",
        hits.sum());
    counter(s, "domcaps_answer_cache_misses_total", "Answers filled and rendered.", misses.sum());
    s.append("# HELP domcaps_refreshes_total Generations built, by kind.\n");
    s.append("# TYPE domcaps_refreshes_total counter\n");
    s.append("domcaps_refreshes_total{kind=\"recheck\"} ").append(reprobes.sum()).append('\n');
    s.append("domcaps_refreshes_total{kind=\"rerender\"} ").append(rerenders.sum()).append('\n');
    gauge(s, "domcaps_generation", "Number of the generation being served.", generation);
    gauge(s, "domcaps_refreshing", "1 while a newer generation is being built.",
        refreshing.getAsBoolean() ? 1 : 0);
    gauge(s, "domcaps_requests_in_flight", "Requests being handled (this one included).",
        inFlight.getAsLong());
    gauge(s, "domcaps_emulators", "Installed emulators in the served generation.", emulators);
    gauge(s, "domcaps_emulators_refused", "Installed emulators whose probe was refused.",
        emulatorsRefused);
    return s.toString();
  }

  private static void counter(StringBuilder s, String name, String help, long v) {
    s.append("# HELP ").append(name).append(' ').append(help).append('\n');
    s.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(v)
        .append('\n');
  }

  private static void gauge(StringBuilder s, String name, String help, long v) {
    s.append("# HELP ").append(name).append(' ').append(help).append('\n');
    s.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(v)
        .append('\n');
  }
}

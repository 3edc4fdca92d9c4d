// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.Emulators;
import org.domcaps.qemu.api.Options;
import org.domcaps.server.DocumentLists;

/**
 * {@code domcaps --all}: one answer per installed emulator, probed in parallel by a bounded pool,
 * printed in {@link Emulators#installed} order inside a {@code <domainCapabilitiesList>} element
 * (each document indented by two spaces). Refusals go to stderr and make the exit status 1; the
 * other documents are still printed.
 */
final class AllEmulators {
  private final Options options;
  private final String machine;
  private final PrintWriter err;
  private final boolean progress;

  AllEmulators(Options options, String machine, PrintWriter err, boolean progress) {
    this.options = options;
    this.machine = machine;
    this.err = err;
    this.progress = progress;
  }

  /** One emulator's outcome: a document or libvirt's refusal. */
  private record Outcome(String binary, DomainCapabilities caps, String error) {}

  int run(PrintWriter out, OutputFormat format) {
    List<String> binaries = Emulators.installed(options);
    // Probing is QEMU start-up (CPU) and waiting for replies; one more than the cores keeps both
    // busy.
    int threads =
        Math.max(1, Math.min(binaries.size(), Runtime.getRuntime().availableProcessors() + 1));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "domcaps-all");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    List<Future<Outcome>> futures = new ArrayList<>();
    for (String b : binaries) {
      futures.add(pool.submit(() -> {
        Outcome o = answer(b);
        tick(done.incrementAndGet(), binaries.size(), b);
        return o;
      }));
    }
    List<DomainCapabilities> answers = new ArrayList<>();
    int status = 0;
    for (Future<Outcome> f : futures) {
      Outcome o;
      try {
        o = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      } catch (java.util.concurrent.ExecutionException e) {
        o = new Outcome("?", null, String.valueOf(e.getCause()));
      }
      if (o.caps() == null) {
        err.println("error: " + o.binary() + ": " + o.error());
        status = 1;
        continue;
      }
      answers.add(o.caps());
    }
    pool.shutdown();
    if (progress) {
      err.print("\r\033[K");
    }
    err.flush();
    out.print(format == OutputFormat.JSON ? jsonArray(answers) : xmlList(answers));
    out.flush();
    return status;
  }

  /** The documents inside {@code <domainCapabilitiesList>} (the form the service serves too). */
  static String xmlList(List<DomainCapabilities> answers) {
    return DocumentLists.xmlList(answers);
  }

  /** A JSON array of the documents' JSON forms (the form the service serves too). */
  static String jsonArray(List<DomainCapabilities> answers) {
    return DocumentLists.jsonArray(answers);
  }

  private Outcome answer(String binary) {
    try {
      String arch = Emulators.arch(binary, options);
      return new Outcome(binary,
          DomCaps.answer(DomCapsRequest.of(binary, arch, machine, null), options), null);
    } catch (DomCapsException e) {
      return new Outcome(binary, null, e.getMessage());
    }
  }

  private synchronized void tick(int n, int total, String binary) {
    if (!progress) {
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : n * width / total;
    err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total
        + " " + binary.substring(binary.lastIndexOf('/') + 1) + "\033[K");
    err.flush();
  }
}

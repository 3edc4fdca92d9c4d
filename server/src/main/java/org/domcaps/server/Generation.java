// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.EmulatorCaps;
import org.domcaps.qemu.api.Emulators;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.Options;

/**
 * One consistent view of the host: the installed emulators probed once, the options the answers
 * are filled with (host facts and firmware read when the generation was built), and the answers
 * rendered from them so far. A generation never changes what it answered; a change on the host
 * makes a new generation ({@link WarmAnswers}), which replaces this one when it is ready.
 */
final class Generation {
  /** Answers kept per generation; refusals are never kept, so keys are real documents only. */
  private static final int MAX_MEMO = 4096;

  final long number;
  final Map<String, Probed> emulators;
  private final List<String> order;
  private final Options options;
  private final Metrics metrics;
  private final Map<Object, Document> memo = new ConcurrentHashMap<>();
  private final Map<Object, AllAnswers> allMemo = new ConcurrentHashMap<>();

  /**
   * @param options live options; their caps lookup answers binaries outside {@code emulators}
   *     (only reached with {@code --allow-any-emulator})
   * @param emulators the installed emulators in libvirt's order
   */
  Generation(long number, Options options, Map<String, Probed> emulators, Metrics metrics) {
    this.number = number;
    this.emulators = Map.copyOf(emulators);
    this.metrics = metrics;
    Map<String, EmulatorCaps> known = new HashMap<>();
    Map<String, DomCapsException> refused = new HashMap<>();
    this.emulators.forEach((b, p) -> {
      if (p.error() != null) {
        refused.put(b, p.error());
      } else {
        known.put(b, p.caps());
      }
    });
    this.options = options.withResults(known, refused);
    this.order = List.copyOf(emulators.keySet());
  }

  /** The installed emulators' binaries, in libvirt's arch order. */
  List<String> binaries() {
    return order;
  }

  Options options() {
    return options;
  }

  /** The document {@code domcaps} prints for the query, rendered once per generation. */
  Document domcaps(Query q) throws DomCapsException {
    Document d = memo.get(q);
    if (d != null) {
      metrics.answerHit();
      return d;
    }
    metrics.answerMiss();
    DomainCapabilities caps = DomCaps.answer(q.request(), options);
    return remember(q, Document.utf8(q.format().render(caps), q.format().mediaType()));
  }

  /** What {@code domcaps --all [--machine M]} prints on stdout, and the refusals it reports. */
  AllAnswers all(String machine, Format format) {
    List<DomainCapabilities> docs = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (String b : order) {
      try {
        String arch = Emulators.arch(b, options);
        docs.add(DomCaps.answer(DomCapsRequest.of(b, arch, machine, null), options));
      } catch (DomCapsException e) {
        refusals.add(b + ": " + e.getMessage());
      }
    }
    return new AllAnswers(Document.utf8(format.renderList(docs), format.mediaType()), refusals);
  }

  /** {@link #all} remembered per machine and format. */
  AllAnswers allMemo(String machine, Format format) {
    Object key = List.of("all", machine == null ? "" : machine, format);
    AllAnswers hit = allMemo.get(key);
    if (hit != null) {
      metrics.answerHit();
      return hit;
    }
    metrics.answerMiss();
    AllAnswers a = all(machine, format);
    if (allMemo.size() < 64) {
      allMemo.putIfAbsent(key, a);
    }
    return a;
  }

  /** Another rendering remembered under {@code key} (e.g. the emulator list). */
  Document memo(Object key, java.util.function.Supplier<Document> render) {
    return memo.computeIfAbsent(key, k -> render.get());
  }

  /** The queries answered so far, so that a new generation can render them before it serves. */
  Set<Object> answeredKeys() {
    return memo.keySet();
  }

  private Document remember(Object key, Document d) {
    if (memo.size() < MAX_MEMO) {
      Document raced = memo.putIfAbsent(key, d);
      return raced != null ? raced : d;
    }
    return d;
  }

  /** The {@code --all} answer: the list document and {@code BINARY: MESSAGE} for each refusal. */
  record AllAnswers(Document document, List<String> refusals) {}
}

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
import org.domcaps.model.LibvirtVersion;
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
  /** The release a request without {@code libvirt=} is answered as. */
  final LibvirtVersion defaultLibvirt;
  /** The default release's probes of the installed emulators (the emulator list, health). */
  final Map<String, Probed> emulators;
  private final List<String> order;
  private final Map<LibvirtVersion, Release> releases;
  private final Map<String, BinaryBytes> bytes;
  private final Metrics metrics;
  private final Map<Object, Document> memo = new ConcurrentHashMap<>();
  private final Map<Object, AllAnswers> allMemo = new ConcurrentHashMap<>();

  /**
   * One release's view: its live options (their caps lookup answers binaries outside {@code
   * emulators}, only reached with {@code --allow-any-emulator}) and its probes of the installed
   * emulators in libvirt's order. Each release probes with its own QMP questions and keeps its
   * own capability cache entries, so each has its own probes.
   */
  record Release(Options options, Map<String, Probed> emulators) {
    Release {
      emulators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(emulators));
      Map<String, EmulatorCaps> known = new HashMap<>();
      Map<String, DomCapsException> refused = new HashMap<>();
      emulators.forEach((b, p) -> {
        if (p.error() != null) {
          refused.put(b, p.error());
        } else {
          known.put(b, p.caps());
        }
      });
      options = options.withResults(known, refused);
    }
  }

  /**
   * @param releases every release served, the default one among them
   * @param bytes what the installed binaries held when they were probed
   */
  Generation(long number, LibvirtVersion defaultLibvirt, Map<LibvirtVersion, Release> releases,
      Map<String, BinaryBytes> bytes, Metrics metrics) {
    this.number = number;
    this.bytes = Map.copyOf(bytes);
    this.defaultLibvirt = defaultLibvirt;
    this.releases = Map.copyOf(releases);
    this.metrics = metrics;
    Release d = this.releases.get(defaultLibvirt);
    this.emulators = d.emulators();
    this.order = List.copyOf(d.emulators().keySet());
  }

  /** The installed emulators' binaries, in libvirt's arch order. */
  List<String> binaries() {
    return order;
  }

  /**
   * The default release's options (firmware roots and host facts are the same for every release).
   */
  Options options() {
    return releases.get(defaultLibvirt).options();
  }

  /** One release's options (its lookups answer the installed emulators from their probes). */
  Options options(LibvirtVersion libvirt) {
    return release(libvirt).options();
  }

  /** What each installed binary held when it was probed. */
  Map<String, BinaryBytes> bytes() {
    return bytes;
  }

  /** The releases this generation answers as. */
  Set<LibvirtVersion> releases() {
    return releases.keySet();
  }

  /** One release's probes, for carrying them to the next generation. */
  Map<String, Probed> emulators(LibvirtVersion libvirt) {
    return release(libvirt).emulators();
  }

  Release release(LibvirtVersion libvirt) {
    Release r = releases.get(libvirt);
    if (r == null) {
      throw new IllegalArgumentException("this service does not answer as libvirt " + libvirt);
    }
    return r;
  }

  /** The document {@code domcaps} prints for the query, rendered once per generation. */
  Document domcaps(Query q) throws DomCapsException {
    Document d = memo.get(q);
    if (d != null) {
      metrics.answerHit();
      return d;
    }
    metrics.answerMiss();
    DomainCapabilities caps = DomCaps.answer(q.request(), release(q.libvirt()).options());
    return remember(q, Document.utf8(q.format().render(caps, q.libvirt()), q.format().mediaType()));
  }

  /** What {@code domcaps --all [--machine M] --libvirt V} prints on stdout, and its refusals. */
  AllAnswers all(String machine, LibvirtVersion libvirt, Format format) {
    Options options = release(libvirt).options();
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
  AllAnswers allMemo(String machine, LibvirtVersion libvirt, Format format) {
    Object key = List.of("all", machine == null ? "" : machine, libvirt, format);
    AllAnswers hit = allMemo.get(key);
    if (hit != null) {
      metrics.answerHit();
      return hit;
    }
    metrics.answerMiss();
    AllAnswers a = all(machine, libvirt, format);
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

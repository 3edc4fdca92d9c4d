// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.domcaps.qemu.cache.LiveProber;
import org.domcaps.qemu.cache.Refusal;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.probe.ProbeContext;
import org.domcaps.qemu.probe.QmpConnector;

/**
 * Capabilities of a binary by probing it (libvirt without its cache, {@link LiveProber}), with
 * refusals as the API's exception.
 *
 * <p>Caching: a probe is remembered for the life of this object, but only while the binary's
 * ctime (seconds, libvirt's {@code qemuctime} rule) is the one seen before probing; a binary
 * that was replaced, touched or removed is checked and probed again, so a long-lived lookup never
 * answers from a binary that changed or vanished. Thread-safe: lookups are serialized.
 */
final class LiveCapsLookup implements CapsLookup {
  private final LiveProber prober;
  private final Map<String, Probed> probed = new HashMap<>();

  /** A probe result and the binary's ctime taken just before the probe. */
  private record Probed(QemuCaps caps, long ctime) {}

  /**
   * @param connectors the QMP connector for a binary (live QEMU, or a recording)
   * @param contexts the probe's host context for a binary
   */
  LiveCapsLookup(
      Function<String, QmpConnector> connectors, Function<String, ProbeContext> contexts) {
    this.prober = new LiveProber(connectors, contexts);
  }

  private LiveCapsLookup(LiveProber prober) {
    this.prober = prober;
  }

  /** Probes real QEMU processes. */
  static LiveCapsLookup live(Function<String, ProbeContext> contexts) {
    return new LiveCapsLookup(LiveProber.live(contexts));
  }

  @Override
  public synchronized QemuCaps lookup(String binary) throws DomCapsException {
    OptionalLong ctime = ctime(binary);
    Probed memo = probed.get(binary);
    if (memo != null && ctime.isPresent() && memo.ctime() == ctime.getAsLong()) {
      return memo.caps();
    }
    probed.remove(binary);
    QemuCaps caps;
    try {
      caps = prober.probe(binary);
    } catch (Refusal r) {
      throw CachedLookup.refusal(r);
    }
    if (ctime.isPresent()) {
      probed.put(binary, new Probed(caps, ctime.getAsLong()));
    }
    return caps;
  }

  private static OptionalLong ctime(String binary) {
    try {
      return OptionalLong.of(HostIdentity.ctimeSeconds(Path.of(binary)));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // the probe reports why, in libvirt's words
    }
  }
}

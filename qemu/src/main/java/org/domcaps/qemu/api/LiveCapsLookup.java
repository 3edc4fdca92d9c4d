// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.INTERNAL_ERROR;
import static org.domcaps.qemu.api.DomCapsException.Code.NOT_QEMU;
import static org.domcaps.qemu.api.DomCapsException.Code.SYSTEM_ERROR;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.launch.EmulatorBinaryCheck;
import org.domcaps.qemu.launch.LiveConnector;
import org.domcaps.qemu.launch.QemuLaunchException;
import org.domcaps.qemu.probe.ProbeContext;
import org.domcaps.qemu.probe.ProbeException;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.probe.QmpConnector;

/**
 * Capabilities of a binary by probing it (libvirt without its cache): libvirt's checks on the
 * file, then the QMP probe over a connector, with failures worded as libvirt words them, except
 * that a binary that is not QEMU is named as such instead of leaking a pid-file path.
 *
 * <p>Caching: a probe is remembered for the life of this object, but only while the binary's
 * ctime (seconds, libvirt's {@code qemuctime} rule) is the one seen before probing; a binary
 * that was replaced, touched or removed is checked and probed again, so a long-lived lookup never
 * answers from a binary that changed or vanished. Thread-safe: lookups are serialized.
 */
public final class LiveCapsLookup implements CapsLookup {
  private final Function<String, QmpConnector> connectors;
  private final Function<String, ProbeContext> contexts;
  private final Map<String, Probed> probed = new HashMap<>();

  /** A probe result and the binary's ctime taken just before the probe. */
  private record Probed(QemuCaps caps, long ctime) {}

  /**
   * @param connectors the QMP connector for a binary (live QEMU, or a recording)
   * @param contexts the probe's host context for a binary
   */
  public LiveCapsLookup(
      Function<String, QmpConnector> connectors, Function<String, ProbeContext> contexts) {
    this.connectors = connectors;
    this.contexts = contexts;
  }

  /** Probes real QEMU processes. */
  public static LiveCapsLookup live(Function<String, ProbeContext> contexts) {
    return new LiveCapsLookup(b -> new LiveConnector(Path.of(b)), contexts);
  }

  @Override
  public synchronized QemuCaps lookup(String binary) throws DomCapsException {
    OptionalLong ctime = ctime(binary);
    Probed memo = probed.get(binary);
    if (memo != null && ctime.isPresent() && memo.ctime() == ctime.getAsLong()) {
      return memo.caps();
    }
    probed.remove(binary);
    QemuCaps caps = probe(binary);
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

  private QemuCaps probe(String binary) throws DomCapsException {
    try {
      EmulatorBinaryCheck.requireExecutable(Path.of(binary));
    } catch (QemuLaunchException e) {
      throw new DomCapsException(SYSTEM_ERROR, e.getMessage(), e);
    }
    try {
      return QemuProbe.probe(connectors.apply(binary), contexts.apply(binary));
    } catch (ProbeException e) {
      throw DomCapsException.of(e);
    } catch (QemuLaunchException e) {
      String m = e.getMessage();
      throw m.startsWith("Failed to start QEMU binary")
          ? new DomCapsException(INTERNAL_ERROR, m, e)
          : new DomCapsException(NOT_QEMU, m, e);
    } catch (IOException e) {
      throw new DomCapsException(INTERNAL_ERROR,
          "Failed to probe capabilities for " + binary + ": " + e.getMessage(), e);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.INTERNAL_ERROR;
import static org.domcaps.qemu.api.DomCapsException.Code.NOT_QEMU;
import static org.domcaps.qemu.api.DomCapsException.Code.SYSTEM_ERROR;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.domcaps.qemu.caps.QemuCaps;
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
 */
public final class LiveCapsLookup implements CapsLookup {
  private final Function<String, QmpConnector> connectors;
  private final Function<String, ProbeContext> contexts;
  private final Map<String, QemuCaps> probed = new HashMap<>();

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
    QemuCaps caps = probed.get(binary);
    if (caps == null) {
      caps = probe(binary);
      probed.put(binary, caps);
    }
    return caps;
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

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Path;
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
 * Capabilities of a binary by probing it, remembering nothing: libvirt's checks on the file, then
 * the QMP probe over a connector, with failures worded as libvirt words them, except that a
 * binary that is not QEMU is named as such instead of leaking a pid-file path. Thread-safe as far
 * as its connector and context functions are.
 */
public final class LiveProber implements Prober {
  private final Function<String, QmpConnector> connectors;
  private final Function<String, ProbeContext> contexts;

  /**
   * @param connectors the QMP connector for a binary (live QEMU, or a recording)
   * @param contexts the probe's host context for a binary ({@link ProbeContexts})
   */
  public LiveProber(
      Function<String, QmpConnector> connectors, Function<String, ProbeContext> contexts) {
    this.connectors = connectors;
    this.contexts = contexts;
  }

  /** Probes real QEMU processes. */
  public static LiveProber live(Function<String, ProbeContext> contexts) {
    return new LiveProber(b -> new LiveConnector(Path.of(b)), contexts);
  }

  @Override
  public QemuCaps probe(String binary) throws Refusal {
    try {
      EmulatorBinaryCheck.requireExecutable(Path.of(binary));
    } catch (QemuLaunchException e) {
      throw new Refusal(Refusal.SYSTEM_ERROR, e.getMessage(), e);
    }
    try {
      return QemuProbe.probe(connectors.apply(binary), contexts.apply(binary));
    } catch (ProbeException e) {
      // A too old QEMU is an unsupported configuration, an unknown target arch an internal error.
      String code = switch (e.kind()) {
        case QEMU_TOO_OLD -> Refusal.CONFIG_UNSUPPORTED;
        case UNKNOWN_ARCH -> Refusal.INTERNAL_ERROR;
      };
      throw new Refusal(code, e.getMessage(), e);
    } catch (QemuLaunchException e) {
      String m = e.getMessage();
      throw new Refusal(m.startsWith("Failed to start QEMU binary")
          ? Refusal.INTERNAL_ERROR : Refusal.NOT_QEMU, m, e);
    } catch (IOException e) {
      throw new Refusal(Refusal.INTERNAL_ERROR,
          "Failed to probe capabilities for " + binary + ": " + e.getMessage(), e);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.probe.QmpConnector;
import org.domcaps.qemu.qmp.QmpTransport;

/**
 * Connects the probe to live QEMU processes: each {@link #open(ProbePhase)} starts a new {@link
 * QemuProcess} with that phase's accelerator list; closing the returned transport stops the process
 * and removes its work directory. Deciding whether a TCG phase follows is the probe's job (it reads
 * {@code query-kvm}); this connector only notes that same reply so callers can ask {@link
 * #firstPhaseUsedKvm()}.
 */
public final class LiveConnector implements QmpConnector {
  private final Path binary;
  private final LaunchSettings settings;
  private QemuProcess firstPhase;

  public LiveConnector(Path binary) {
    this(binary, LaunchSettings.defaults());
  }

  public LiveConnector(Path binary, LaunchSettings settings) {
    this.binary = Objects.requireNonNull(binary, "binary");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Path binary() {
    return binary;
  }

  public LaunchSettings settings() {
    return settings;
  }

  /** Starts QEMU for {@code phase}; the caller must close the returned transport. */
  @Override
  public QmpTransport open(ProbePhase phase) throws IOException {
    QemuProcess process = QemuProcess.start(binary, phase, settings);
    if (phase == ProbePhase.FIRST) {
      firstPhase = process;
    }
    return process;
  }

  /**
   * Whether the first phase's QEMU answered {@code query-kvm} with KVM present and enabled; empty
   * before a first phase has exchanged {@code query-kvm}.
   */
  public Optional<Boolean> firstPhaseUsedKvm() {
    return firstPhase == null ? Optional.empty() : firstPhase.kvmEnabled();
  }
}

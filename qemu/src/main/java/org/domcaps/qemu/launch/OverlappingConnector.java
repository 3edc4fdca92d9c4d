// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.probe.QmpConnector;
import org.domcaps.qemu.qmp.QmpTransport;

/**
 * A {@link LiveConnector} that overlaps the two probe processes: as soon as the first phase's
 * QEMU answers {@code query-kvm} with KVM present and enabled (the condition for libvirt's TCG
 * phase), the TCG phase's QEMU is started on another thread, so that its start-up (~0.1 s) runs
 * while the first phase is still answering. Each QEMU still receives exactly libvirt's commands
 * in libvirt's order; only the start of the second process moves earlier.
 *
 * <p>{@link #close()} stops a TCG process that was started but never handed out (the first phase
 * failed, or the probe decided against a TCG phase).
 */
public final class OverlappingConnector implements QmpConnector, Closeable {
  private final Path binary;
  private final LaunchSettings settings;
  private CompletableFuture<QemuProcess> early;
  private boolean handedOut;

  public OverlappingConnector(Path binary, LaunchSettings settings) {
    this.binary = Objects.requireNonNull(binary, "binary");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public synchronized QmpTransport open(ProbePhase phase) throws IOException {
    if (phase == ProbePhase.FIRST) {
      return new FirstPhase(QemuProcess.start(binary, phase, settings));
    }
    if (early == null) {
      return QemuProcess.start(binary, phase, settings);
    }
    handedOut = true;
    try {
      return early.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }

  private synchronized void startTcgEarly() {
    if (early == null) {
      early = CompletableFuture.supplyAsync(() -> {
        try {
          return QemuProcess.start(binary, ProbePhase.TCG, settings);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** Stops the early TCG process unless the probe took it. */
  @Override
  public synchronized void close() throws IOException {
    if (early != null && !handedOut) {
      handedOut = true;
      try {
        early.join().close();
      } catch (CompletionException e) {
        // it never started: nothing to stop
      }
    }
  }

  /** The first phase's transport, watching for the {@code query-kvm} reply. */
  private final class FirstPhase implements QmpTransport {
    private final QemuProcess process;

    FirstPhase(QemuProcess process) {
      this.process = process;
    }

    @Override
    public JsonNode greeting() throws IOException {
      return process.greeting();
    }

    @Override
    public JsonNode exchange(JsonNode command) throws IOException {
      JsonNode reply = process.exchange(command);
      if ("query-kvm".equals(command.path("execute").asText())
          && process.kvmEnabled().orElse(false)) {
        startTcgEarly();
      }
      return reply;
    }

    @Override
    public void close() throws IOException {
      process.close();
    }
  }
}

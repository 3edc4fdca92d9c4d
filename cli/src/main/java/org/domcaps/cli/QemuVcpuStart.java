// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.check.VcpuStart;

/**
 * Whether the hypervisor runs a guest CPU: QEMU started on the machine with that {@code -cpu},
 * paused ({@code -S}), no devices, 16 MiB, then asked to quit over QMP. QEMU creates the vCPU
 * and writes its registers and MSRs before it pauses, so a CPU the kernel refuses makes it exit
 * (abort) here as it would under libvirt.
 */
final class QemuVcpuStart {
  private static final long TIMEOUT_SECONDS = 30;

  private QemuVcpuStart() {}

  /** The outcome, or empty when QEMU could not be run or did not answer in time. */
  static Optional<VcpuStart> of(String binary, String machine, String accel, String cpu) {
    ProcessBuilder pb = new ProcessBuilder(List.of(binary, "-no-user-config", "-nodefaults",
        "-display", "none", "-S", "-m", "16", "-machine", machine, "-accel", accel, "-cpu", cpu,
        "-qmp", "stdio")).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process p = null;
    try {
      p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write("{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"quit\"}\n"
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // QEMU already exited: its output says why
      }
      List<String> errors = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          // QMP answers are JSON objects; warnings ("host doesn't support requested feature")
          // do not stop QEMU
          if (!line.startsWith("{") && !line.contains("warning:") && errors.size() < 4) {
            errors.add(line.strip());
          }
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return Optional.empty();
      }
      if (p.exitValue() == 0) {
        return Optional.of(new VcpuStart(true, ""));
      }
      return Optional.of(new VcpuStart(false, errors.isEmpty() ? "exit status " + p.exitValue()
          : String.join(" ", errors)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}

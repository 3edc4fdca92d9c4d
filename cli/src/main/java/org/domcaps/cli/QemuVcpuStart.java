// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.check.VcpuStart;

/**
 * Whether the hypervisor runs a guest CPU: QEMU started on the machine with that {@code -cpu},
 * paused ({@code -S}), no devices, 16 MiB. QEMU creates the vCPU and writes its registers and
 * MSRs before it pauses, so a CPU the kernel refuses makes it exit (abort) here as it would
 * under libvirt. When it runs, the vCPU's feature properties asked for are read back
 * ({@code qom-get}), as libvirt reads the CPU QEMU really enabled after a start.
 */
final class QemuVcpuStart {
  private static final long TIMEOUT_SECONDS = 30;

  private QemuVcpuStart() {}

  /**
   * The outcome with the values of {@code query} (QEMU property names) on the vCPU, or empty
   * when QEMU could not be run or did not answer in time.
   */
  static Optional<VcpuStart> of(String binary, String machine, String accel, String cpu,
      List<String> query) {
    ProcessBuilder pb = new ProcessBuilder(List.of(binary, "-no-user-config", "-nodefaults",
        "-display", "none", "-S", "-m", "16", "-machine", machine, "-accel", accel, "-cpu", cpu,
        "-qmp", "stdio")).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    ObjectMapper json = new ObjectMapper();
    Process p = null;
    try {
      p = pb.start();
      OutputStream in = p.getOutputStream();
      send(in, "{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"query-cpus-fast\","
          + "\"id\":\"cpus\"}\n");
      List<String> errors = new ArrayList<>();
      Map<String, Boolean> values = new HashMap<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.startsWith("{")) {
            // warnings ("host doesn't support requested feature") do not stop QEMU
            if (!line.contains("warning:") && errors.size() < 4) {
              errors.add(line.strip());
            }
            continue;
          }
          JsonNode n = json.readTree(line);
          JsonNode id = n.path("id");
          if (id.asText().equals("cpus")) {
            String path = n.path("return").path(0).path("qom-path").asText("");
            StringBuilder cmds = new StringBuilder();
            for (int i = 0; i < query.size() && !path.isEmpty(); i++) {
              cmds.append("{\"execute\":\"qom-get\",\"arguments\":{\"path\":")
                  .append(json.writeValueAsString(path)).append(",\"property\":")
                  .append(json.writeValueAsString(query.get(i))).append("},\"id\":").append(i)
                  .append("}\n");
            }
            send(in, cmds + "{\"execute\":\"quit\"}\n");
            in.close();
          } else if (id.isInt() && n.path("return").isBoolean()) {
            values.put(query.get(id.intValue()), n.get("return").booleanValue());
          }
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return Optional.empty();
      }
      if (p.exitValue() == 0) {
        return Optional.of(new VcpuStart(true, "", values));
      }
      return Optional.of(new VcpuStart(false, errors.isEmpty() ? "exit status " + p.exitValue()
          : String.join(" ", errors), values));
    } catch (IOException | RuntimeException e) {
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

  private static void send(OutputStream in, String s) {
    try {
      in.write(s.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      // QEMU already exited: its output says why
    }
  }
}

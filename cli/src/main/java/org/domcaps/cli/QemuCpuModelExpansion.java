// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * QEMU's full expansion of guest CPU models ({@code query-cpu-model-expansion type=full}) under
 * an accelerator: what each model really enables in QEMU, which libvirt's CPU map does not
 * always say (QEMU's pentium has an APIC, libvirt's map lists none). All the models asked for
 * are expanded by one QEMU process ({@code -machine none}, as libvirt probes).
 */
final class QemuCpuModelExpansion {
  private static final long TIMEOUT_SECONDS = 30;

  private QemuCpuModelExpansion() {}

  /** Each model's boolean properties; a model QEMU could not expand is left out. */
  static Optional<Map<String, Map<String, Boolean>>> of(String binary, String accel,
      List<String> models) {
    ProcessBuilder pb = new ProcessBuilder(List.of(binary, "-no-user-config", "-nodefaults",
        "-display", "none", "-S", "-machine", "none", "-accel", accel, "-qmp", "stdio"))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("LC_ALL", "C");
    ObjectMapper json = new ObjectMapper();
    Process p = null;
    try {
      p = pb.start();
      StringBuilder cmds = new StringBuilder("{\"execute\":\"qmp_capabilities\"}\n");
      for (int i = 0; i < models.size(); i++) {
        cmds.append("{\"execute\":\"query-cpu-model-expansion\",\"arguments\":{\"type\":\"full\","
            + "\"model\":{\"name\":").append(json.writeValueAsString(models.get(i)))
            .append("}},\"id\":").append(i).append("}\n");
      }
      cmds.append("{\"execute\":\"quit\"}\n");
      try (OutputStream in = p.getOutputStream()) {
        in.write(cmds.toString().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // QEMU already exited: nothing expanded
      }
      Map<String, Map<String, Boolean>> out = new HashMap<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.startsWith("{")) {
            continue;
          }
          JsonNode n = json.readTree(line);
          JsonNode props = n.path("return").path("model").path("props");
          if (!n.path("id").isInt() || !props.isObject()) {
            continue;
          }
          Map<String, Boolean> bools = new HashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isBoolean()) {
              bools.put(e.getKey(), e.getValue().booleanValue());
            }
          }
          out.put(models.get(n.get("id").intValue()), bools);
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return Optional.empty();
      }
      return Optional.of(out);
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
}

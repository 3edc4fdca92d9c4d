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

  private static void send(OutputStream in, String s) {
    try {
      in.write(s.getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      // QEMU already exited: what it answered is all there is
    }
  }

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
      // One command at a time: each answer asks for the next (QMP queues only a few requests).
      OutputStream in = p.getOutputStream();
      send(in, "{\"execute\":\"qmp_capabilities\",\"id\":-1}\n");
      Map<String, Map<String, Boolean>> out = new HashMap<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.startsWith("{")) {
            continue;
          }
          JsonNode n = json.readTree(line);
          if (!n.path("id").isInt()) {
            continue; // the greeting, events
          }
          int id = n.get("id").intValue();
          JsonNode props = n.path("return").path("model").path("props");
          if (id >= 0 && props.isObject()) {
            Map<String, Boolean> bools = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
              Map.Entry<String, JsonNode> e = it.next();
              if (e.getValue().isBoolean()) {
                bools.put(e.getKey(), e.getValue().booleanValue());
              }
            }
            out.put(models.get(id), bools);
          }
          int next = id + 1;
          if (next < models.size()) {
            send(in, "{\"execute\":\"query-cpu-model-expansion\",\"arguments\":{\"type\":"
                + "\"full\",\"model\":{\"name\":" + json.writeValueAsString(models.get(next))
                + "}},\"id\":" + next + "}\n");
          } else if (next == models.size()) {
            send(in, "{\"execute\":\"quit\",\"id\":" + next + "}\n");
          }
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

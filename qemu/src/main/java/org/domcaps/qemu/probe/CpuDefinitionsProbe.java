// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.CpuFeatureNames;
import org.domcaps.qemu.qmp.QmpSession;

/** {@code query-cpu-definitions} into an accelerator record (virQEMUCapsFetchCPUModels). */
final class CpuDefinitionsProbe {
  /** libvirt's spelling of ppc64 models QEMU reports in other cases. */
  private static final List<String> PPC64_MODELS =
      List.of("POWER6", "POWER7", "POWER8", "POWER9", "POWER10", "POWERPC_e5500", "POWERPC_e6500");

  private CpuDefinitionsProbe() {}

  static void probe(QmpSession qmp, ProbeState s, Accel accel) throws IOException {
    if (!s.has("query-cpu-definitions")) {
      return;
    }
    String cmd = "query-cpu-definitions";
    Optional<JsonNode> ret = qmp.executeTolerating(cmd, null, "GenericError");
    if (ret.isEmpty()) {
      return;
    }
    List<CpuDefinition> defs = new ArrayList<>();
    for (JsonNode c : QmpValues.array(ret.get(), cmd)) {
      String name = QmpValues.string(c, "name", cmd);
      String typeName = QmpValues.optString(c, "typename");
      if (typeName != null && typeName.isEmpty()) {
        typeName = null;
      }
      CpuDefinition.Usable usable = CpuDefinition.Usable.UNKNOWN;
      List<String> blockers = new ArrayList<>();
      JsonNode unavailable = c.get("unavailable-features");
      if (unavailable != null && unavailable.isArray()) {
        for (JsonNode f : unavailable) {
          blockers.add(CpuFeatureNames.fromQemu(s.arch, f.asText(), s.libvirt));
        }
        usable = blockers.isEmpty() ? CpuDefinition.Usable.YES : CpuDefinition.Usable.NO;
      }
      if (LibvirtArch.isPpc64(s.arch)) {
        for (String lv : PPC64_MODELS) {
          if (lv.equalsIgnoreCase(name)) {
            name = lv;
            break;
          }
        }
      }
      defs.add(
          new CpuDefinition(name, typeName, usable, blockers,
          QmpValues.optBool(c, "deprecated", false)));
      if (name.equals("max")) {
        s.set("cpu-max");
      }
    }
    s.record(accel).cpuDefinitions = List.copyOf(defs);
  }
}

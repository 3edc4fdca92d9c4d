// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.qmp.QmpSession;

/** {@code query-machines} into an accelerator record (virQEMUCapsProbeQMPMachineTypes). */
final class MachineTypesProbe {
  private MachineTypesProbe() {}

  static void probe(QmpSession qmp, ProbeState s, String virtType) throws IOException {
    String cmd = "query-machines";
    JsonNode ret = QmpValues.array(qmp.execute(cmd, null), cmd);
    List<MachineType> machines = s.record(Accel.forVirtType(virtType)).machines;
    String preferred = PreferredMachines.of(s.arch, s.libvirt);
    int preferredIdx = -1;
    int defaultIdx = -1;
    for (JsonNode m : ret) {
      String name = QmpValues.string(m, "name", cmd);
      if (name.equals("none")) {
        continue;
      }
      JsonNode cpuMax = m.get("cpu-max");
      MachineType mt =
          new MachineType(
              name,
              QmpValues.optString(m, "alias"),
              QmpValues.optBool(m, "hotpluggable-cpus", false),
              cpuMax != null && cpuMax.isIntegralNumber() ? cpuMax.intValue() : 0,
              QmpValues.optBool(m, "is-default", false),
              QmpValues.optString(m, "default-cpu-type"),
              // libvirt: QEMU without the member supports legacy -numa mem.
              QmpValues.optBool(m, "numa-mem-supported", true),
              QmpValues.optString(m, "default-ram-id"),
              QmpValues.optBool(m, "deprecated", false),
              // 11.3 records QEMU's acpi member when present; 9.0 ignores it.
              s.since11() && m.hasNonNull("acpi") ? QmpValues.bool(m, "acpi", cmd) : null);
      machines.add(mt);
      if (preferred != null && (preferred.equals(mt.alias()) || preferred.equals(mt.name()))) {
        preferredIdx = machines.size() - 1;
      }
      if (mt.isDefault()) {
        defaultIdx = machines.size() - 1;
      }
    }
    int front = preferredIdx >= 0 ? preferredIdx : defaultIdx;
    if (front > 0) {
      machines.add(0, machines.remove(front));
    }
  }

  /** virQEMUCapsGetCanonicalMachine: the first machine aliased {@code name}, else name itself. */
  static String canonical(ProbeState s, String virtType, String name) {
    for (MachineType m : s.record(Accel.forVirtType(virtType)).machines) {
      if (name.equals(m.alias())) {
        return m.name();
      }
    }
    return name;
  }

  static boolean hasMachine(ProbeState s, String virtType, String name) {
    for (MachineType m : s.record(Accel.forVirtType(virtType)).machines) {
      if (m.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

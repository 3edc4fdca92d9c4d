// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.check.VcpuStart;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainDefinition.CpuDef;
import org.domcaps.domain.Element;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.HostModel;

/**
 * {@code <cpu mode='host-model' check='full'>} on x86: libvirt turns host-model into the
 * capabilities' host model (virCPUUpdate), starts QEMU, reads back the CPU QEMU really enabled
 * and, with check='full', refuses the start when a feature the CPU should have is off
 * (virCPUx86UpdateLive: "guest CPU doesn't match specification: missing features: %s"). What
 * libvirt expects is its CPU map's features of the model plus the required ones, less the
 * disabled ones; what QEMU enables can be less (qemu-system-i386's TCG leaves rdtscp off though
 * the model and the host model name it). The probe starts that CPU and reads the features back.
 */
public final class HostModelCheckFullRule implements Rule {
  @Override
  public String name() {
    return "host-model-check-full";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    Optional<CpuDef> cpuDef = def.cpu();
    if (!m.x86() || cpuDef.isEmpty() || !cpuDef.get().mode().equals("host-model")
        || !"full".equals(cpuDef.get().check()) || !t.facts().live()) {
      return;
    }
    CpuDef cpu = cpuDef.get();
    Optional<HostModel> host = t.caps().cpu().flatMap(c -> c.hostModel());
    if (host.isEmpty() || !t.caps().cpu().get().hostModelSupported()) {
      return; // CpuModeRule refuses the mode
    }
    Optional<Set<String>> modelFeatures = t.facts().cpuModelFeatures(host.get().model());
    if (modelFeatures.isEmpty()) {
      out.unknown(cpu.element(), "full", "check='full': the features of CPU model '"
          + host.get().model() + "' are not known, cannot tell");
      return;
    }
    Map<String, Boolean> features = new LinkedHashMap<>();
    for (CpuFeature f : host.get().features()) {
      features.put(f.name(), !f.policy().equals("disable"));
    }
    for (Element f : cpu.features()) {
      String fname = f.attrOrNull("name");
      if (fname != null) {
        String policy = Ctx.attr(f, "policy", "require");
        features.put(fname, !(policy.equals("disable") || policy.equals("forbid")));
      }
    }
    Set<String> expected = new TreeSet<>(modelFeatures.get());
    features.forEach((name, on) -> {
      if (on) {
        expected.add(name);
      } else {
        expected.remove(name);
      }
    });
    List<String> props = new java.util.ArrayList<>();
    KvmVcpuRule.flags(def, props);
    Optional<VcpuStart> start = t.facts().vcpuStart(m.name(), host.get().model(), features,
        props, expected);
    if (start.isEmpty() || !start.get().runs()) {
      return; // not probed, or KVM refuses the vCPU outright (KvmVcpuRule)
    }
    List<String> missing = expected.stream()
        .filter(f -> Boolean.FALSE.equals(start.get().features().get(f))).toList();
    if (!missing.isEmpty()) {
      out.error(cpu.element(), "full", "check='full': " + t.describe() + " leaves off features "
          + "the host model " + host.get().model() + " asks for: " + String.join(", ", missing)
          + " (\"guest CPU doesn't match specification: missing features\")");
    }
  }
}

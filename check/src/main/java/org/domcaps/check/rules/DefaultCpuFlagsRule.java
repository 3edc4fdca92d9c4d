// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * Guest features that libvirt passes as CPU properties ({@code <pmu>}, {@code <hyperv>},
 * {@code <kvm>}, {@code <pvspinlock>}, {@code <apic eoi>}, clock timers) need a CPU model to
 * hang on. Without {@code <cpu>} libvirt fills one in only where it has a CPU driver
 * (qemuDomainDefSetDefaultCPU: virCPUArchIsSupported — libvirt 9.0's drivers are x86, ppc64,
 * s390 and ARM — and, outside x86/ppc64/s390, only under TCG, with the machine's default CPU
 * from QEMU); elsewhere qemuBuildCpuCommandLine knows a default model only for i686 and x86_64
 * and the start fails: "CPU flags requested but can't determine default CPU for arch %s".
 */
public final class DefaultCpuFlagsRule implements Rule {
  /** Arches libvirt 9.0 has a CPU driver for (src/cpu: cpu_x86, cpu_ppc64, cpu_s390, cpu_arm). */
  private static final Set<String> CPU_DRIVER = Set.of("i686", "x86_64", "ppc64", "ppc64le",
      "s390", "s390x", "armv6l", "armv7b", "armv7l", "aarch64");

  @Override
  public String name() {
    return "default-cpu-flags";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (m.x86() || def.cpu().map(c -> !c.mode().equals("custom") || c.modelName().isPresent())
        .orElse(false)) {
      return; // a model is given, or the x86 default (qemu64/qemu32) takes the flags
    }
    List<String> props = new ArrayList<>();
    Optional<Element> why = KvmVcpuRule.flags(def, props);
    if (m.ppc64()) {
      props.removeIf(p -> p.startsWith("pmu=")); // never emitted for ppc64
    }
    if (why.isEmpty() || props.isEmpty()) {
      return;
    }
    // ARM under KVM: libvirt leaves the CPU to QEMU, so the flags have no model either.
    boolean defaulted = CPU_DRIVER.contains(m.arch()) && (!m.arm() || Ctx.tcg(t));
    if (!defaulted) {
      out.error(why.get(), why.get().name(), "<" + why.get().name() + "> becomes CPU property '"
          + props.get(0) + "', but without <cpu><model> libvirt 9.0 has no default CPU model for "
          + m.arch() + (CPU_DRIVER.contains(m.arch()) ? " under " + t.caps().domain() : "")
          + " (\"CPU flags requested but can't determine default CPU for arch " + m.arch()
          + "\")");
    }
  }
}

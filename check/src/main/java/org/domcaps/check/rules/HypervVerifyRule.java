// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Optional;
import java.util.Set;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.check.Tri;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * After an x86 start libvirt reads back the CPU QEMU built and checks every Hyper-V
 * enlightenment the definition turns on (qemuProcessVerifyHypervFeatures: "host doesn't support
 * hyperv '%s' feature"; relaxed and vapic only warn, spinlocks and vendor_id are not checked).
 * How it reads the CPU depends on the binary: with QEMU_CAPS_CPU_UNAVAILABLE_FEATURES
 * (the probe's {@code cpu-unavailable-features} flag) it reads the vCPU's boolean properties,
 * hv-* included; without it (qemu-system-i386) it decodes QEMU's CPUID {@code feature-words},
 * which carry no Hyper-V leaves (QEMU keeps those apart), so every checked enlightenment reads
 * as missing.
 */
public final class HypervVerifyRule implements Rule {
  /** Checked by libvirt, yet only warned about when missing; or never checked. */
  private static final Set<String> NOT_FATAL = Set.of("relaxed", "vapic", "spinlocks",
      "vendor_id");

  @Override
  public String name() {
    return "hyperv-verify";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    Optional<Element> hyperv = def.feature("hyperv");
    if (!m.x86() || hyperv.isEmpty()
        || t.facts().flag("cpu-unavailable-features") != Tri.NO) {
      return; // the vCPU's properties are read (or not known how): they carry hv-*
    }
    for (Element f : hyperv.get().children()) {
      if ("on".equals(f.attrOrNull("state")) && !NOT_FATAL.contains(f.name())) {
        out.error(f, f.name(), "Hyper-V '" + f.name() + "': " + t.describe() + " lacks "
            + "cpu-unavailable-features, so libvirt reads the guest CPU from CPUID feature "
            + "words, which hold no Hyper-V leaves (\"host doesn't support hyperv '" + f.name()
            + "' feature\")");
        return; // libvirt stops at the first
      }
    }
  }
}

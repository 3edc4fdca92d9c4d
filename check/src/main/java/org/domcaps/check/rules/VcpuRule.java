// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * The vCPU count against the machine's limits:
 * <ul>
 *   <li>above {@code <vcpu max>} libvirt refuses at define ("Maximum CPUs greater than specified
 *       machine type limit", qemuValidateDomainDefCpu);
 *   <li>Q35 above 255 needs an IOMMU with extended interrupt mode ("more than 255 vCPUs require
 *       extended interrupt mode enabled on the iommu device", qemuValidateDomainVCpuTopology);
 *   <li>ARM virt with GICv2 (QEMU's default without {@code <gic version='3'>}) stops at 8 (QEMU:
 *       "exceeds max CPUs supported by machine 'mach-virt' (8)"): the document's max is GICv3's.
 * </ul>
 */
public final class VcpuRule implements Rule {
  private static final int GICV2_MAX = 8;
  private static final int X86_NO_EIM_MAX = 255;

  @Override
  public String name() {
    return "vcpu-max";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    def.vcpu().ifPresent(v -> {
      Element at = v.element();
      if (v.max() == null) {
        out.error(at, at.text(), "vcpu count '" + at.text() + "' is not a number");
        return;
      }
      int max = v.max();
      if (t.caps().vcpuMax().isEmpty()) {
        out.unknown(at, String.valueOf(max), "vcpu max not reported by " + t.describe()
            + ", cannot tell");
      } else if (max > t.caps().vcpuMax().getAsInt()) {
        out.error(at, String.valueOf(max), "vcpu " + max + " above the machine's limit "
            + t.caps().vcpuMax().getAsInt() + " on " + t.describe());
        return;
      }
      Machine m = Ctx.machine(def, t);
      if (m.q35() && max > X86_NO_EIM_MAX && !iommuWithEim(def)) {
        out.error(at, String.valueOf(max), "more than " + X86_NO_EIM_MAX + " vCPUs on Q35 need "
            + "<iommu model='intel'> with <driver intremap='on' eim='on'/>");
      }
      if (m.armVirt() && max > GICV2_MAX && !gicV3(def)) {
        out.error(at, String.valueOf(max), "more than " + GICV2_MAX + " vCPUs on ARM virt need "
            + "<gic version='3'/>: QEMU's default GICv2 stops at " + GICV2_MAX);
      }
    });
  }

  private static boolean iommuWithEim(DomainDefinition def) {
    return def.devices("iommu").stream().anyMatch(i -> i.child("driver")
        .map(d -> "on".equals(d.attrOrNull("eim"))).orElse(false));
  }

  private static boolean gicV3(DomainDefinition def) {
    return def.feature("gic").map(g -> "3".equals(g.attrOrNull("version"))).orElse(false);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <panic model>} by machine (qemuValidateDomainDeviceDefPanic): pseries only on pSeries,
 * s390 only on s390, hyperv only on x86, isa needs QEMU's pvpanic ISA device (flag
 * {@code pvpanic}). Without a model libvirt picks pseries on pSeries, s390 on s390x and isa
 * elsewhere (qemuDomainDefPostParse... panic default).
 */
public final class PanicRule implements Rule {
  @Override
  public String name() {
    return "panic-model";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element p : def.devices("panic")) {
      String model = p.attr("model").orElse(m.pseries() ? "pseries" : m.s390x() ? "s390" : "isa");
      switch (model) {
        case "pseries" -> {
          if (!m.pseries()) {
            out.error(p, model, "panic model 'pseries' is for pSeries guests only");
          }
        }
        case "s390" -> {
          if (!m.s390x()) {
            out.error(p, model, "panic model 's390' is for s390 guests only");
          }
        }
        case "hyperv" -> {
          if (!m.x86()) {
            out.error(p, model, "panic model 'hyperv' is for x86 guests only");
          }
        }
        case "isa" -> out.unless(m.hasIsa() ? t.facts().flag("pvpanic")
            : org.domcaps.check.Tri.NO, p, model, "panic model 'isa' needs QEMU's ISA pvpanic "
            + "device, which " + t.describe() + " lacks");
        case "pvpanic" -> out.unless(t.facts().flag("pvpanic-pci"), p, model,
            "panic model 'pvpanic' needs QEMU's pvpanic-pci, which " + t.describe() + " lacks");
        default -> out.error(p, model, "panic model '" + model + "' unknown to libvirt 9.0");
      }
    }
  }
}

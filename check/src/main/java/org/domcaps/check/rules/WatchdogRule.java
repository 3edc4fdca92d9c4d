// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <watchdog model>}: diag288 is s390's only (qemuValidateDomainWatchdogDef); ib700 is an
 * ISA card (QEMU: "No 'ISA' bus found", or no such device on arches without ISA); i6300esb must be
 * a device type of the binary (QEMU: "is not a valid device model name").
 */
public final class WatchdogRule implements Rule {
  @Override
  public String name() {
    return "watchdog-model";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element w : def.devices("watchdog")) {
      String model = w.attrOrNull("model");
      if (model == null) {
        continue;
      }
      switch (model) {
        case "diag288" -> {
          if (!m.s390x()) {
            out.error(w, model, "watchdog 'diag288' is for s390 guests only");
          }
        }
        case "ib700" -> {
          if (!m.hasIsa()) {
            out.error(w, model, "watchdog 'ib700' is an ISA card; " + m.name() + " has no ISA "
                + "bus");
          }
        }
        case "i6300esb" -> out.unless(t.facts().deviceType("i6300esb"), w, model,
            "QEMU device i6300esb missing from " + t.describe());
        default -> { }
      }
    }
  }
}

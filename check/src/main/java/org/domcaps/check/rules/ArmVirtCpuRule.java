// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.regex.Pattern;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;

/**
 * QEMU's ARM virt machine takes application-profile CPUs only (hw/arm/virt.c valid_cpus):
 * the microcontroller (Cortex-M), real-time (Cortex-R) and pre-ARMv7 models the binary also has,
 * and the document lists with {@code usable='unknown'}, are refused at start ("mach-virt: CPU
 * type %s not supported"). Models this rule does not know are left alone.
 */
public final class ArmVirtCpuRule implements Rule {
  private static final Pattern NOT_A_PROFILE = Pattern.compile(
      "cortex-[mr]\\d+.*|arm9\\d\\d.*|arm10\\d\\d.*|arm11.*|pxa2\\d\\d.*|sa11\\d\\d|ti925t");

  @Override
  public String name() {
    return "arm-virt-cpu";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (!m.armVirt()) {
      return;
    }
    def.cpu().filter(c -> c.mode().equals("custom")).ifPresent(c -> c.modelName()
        .filter(n -> NOT_A_PROFILE.matcher(n).matches()).ifPresent(n ->
            out.error(c.model().get(), n, "CPU model '" + n + "' is not an application-profile "
                + "CPU; QEMU's virt machine refuses it")));
  }
}

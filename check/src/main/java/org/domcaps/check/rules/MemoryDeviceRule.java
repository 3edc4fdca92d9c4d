// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <memory>} devices need {@code <maxMemory>} and at least one NUMA cell: libvirt refuses
 * them at define otherwise ("cannot use/hotplug a memory device when domain 'maxMemory' is not
 * defined", virDomainDefValidateMemoryHotplug; ppc64: "Memory size must be specified via
 * <memory> or in the <numa> configuration").
 */
public final class MemoryDeviceRule implements Rule {
  @Override
  public String name() {
    return "memory-hotplug";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    for (Element mem : def.devices("memory")) {
      if (def.maxMemory().isEmpty()) {
        out.error(mem, mem.attrOrNull("model"), "a memory device needs <maxMemory> in the "
            + "domain");
      } else if (def.numaCells().isEmpty()) {
        out.error(mem, mem.attrOrNull("model"), "a memory device needs a NUMA cell in "
            + "<cpu><numa>");
      }
    }
  }
}

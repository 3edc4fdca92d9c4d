// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * virtio-transitional / virtio-non-transitional are PCI notions: on s390 CCW libvirt still names
 * {@code virtio-blk-ccw-transitional} (qemuBuildVirtioDevGetConfig), which QEMU does not have
 * ("is not a valid device model name"), although the document lists the models.
 */
public final class CcwTransitionalRule implements Rule {
  @Override
  public String name() {
    return "virtio-transitional-ccw";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (!m.ccw()) {
      return;
    }
    for (Element d : def.devices()) {
      String model = d.name().equals("rng") || d.name().equals("disk")
          ? d.attrOrNull("model") : null;
      if (model != null && model.startsWith("virtio-") && model.endsWith("transitional")) {
        out.error(d, model, "model '" + model + "' has no CCW device in QEMU (transitional "
            + "virtio is PCI only)");
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.check.Tri;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <video><model type='ramfb'>}: libvirt 9.0 checks only that QEMU has the device
 * (QEMU_CAPS_DEVICE_RAMFB, so domain capabilities list it wherever the binary has it); QEMU's
 * ramfb then needs the machine's fw_cfg with DMA when the device is created ("ramfb device
 * requires fw_cfg with DMA"), which not every machine that accepts sysbus devices has by then
 * (RISC-V virt builds its fw_cfg only when machine init is done).
 */
public final class RamfbRule implements Rule {
  @Override
  public String name() {
    return "ramfb-fw-cfg";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element video : def.devices("video")) {
      Element model = video.child("model").orElse(null);
      if (model == null || !"ramfb".equals(model.attrOrNull("type"))
          || !t.caps().devices().video().findEnum("modelType").map(e -> e.contains("ramfb"))
              .orElse(false)) {
        continue; // not ramfb, or one the capabilities already refuse (DeviceEnumRule)
      }
      Tri dma = m.fwCfgDmaForDevices();
      out.unless(dma, model, "ramfb", "ramfb needs fw_cfg with DMA when QEMU creates it, which "
          + "machine '" + m.name() + "' (" + m.arch() + ") " + (dma == Tri.NO ? "does not have"
          + " (\"ramfb device requires fw_cfg with DMA\")" : "may not have"));
    }
  }
}

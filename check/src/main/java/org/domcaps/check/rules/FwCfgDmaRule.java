// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Optional;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.check.Tri;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;
import org.domcaps.model.Supported;

/**
 * QEMU's ramfb display and vmcoreinfo device talk to the firmware through fw_cfg DMA and refuse
 * to be created without it ("ramfb device requires fw_cfg with DMA", "vmcoreinfo device
 * requires fw_cfg with DMA"). libvirt 9.0 checks only that QEMU has the device
 * (QEMU_CAPS_DEVICE_RAMFB, so domain capabilities list ramfb wherever the binary has it;
 * QEMU_CAPS_DEVICE_VMCOREINFO for {@code <vmcoreinfo state='on'>}, the capabilities' vmcoreinfo),
 * not that the machine has a
 * fw_cfg by the time -device devices are created, which not every machine has (RISC-V virt
 * builds its fw_cfg only when machine init is done).
 */
public final class FwCfgDmaRule implements Rule {
  @Override
  public String name() {
    return "fw-cfg-dma";
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
      judge(out, m, model, "ramfb");
    }
    Optional<Element> vmcoreinfo = def.feature("vmcoreinfo")
        .filter(f -> !"off".equals(f.attrOrNull("state")));
    if (vmcoreinfo.isPresent() && t.caps().features().vmcoreinfo() == Supported.YES) {
      judge(out, m, vmcoreinfo.get(), "vmcoreinfo");
    }
  }

  private static void judge(Findings out, Machine m, Element at, String device) {
    Tri dma = m.fwCfgDmaForDevices();
    out.unless(dma, at, device.equals("ramfb") ? "ramfb" : "on", device + " needs fw_cfg with "
        + "DMA when QEMU creates it, which machine '" + m.name() + "' (" + m.arch() + ") "
        + (dma == Tri.NO ? "does not have then (\"" + device + " device requires fw_cfg with "
        + "DMA\")" : "may not have"));
  }
}

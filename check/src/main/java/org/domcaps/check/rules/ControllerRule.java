// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Map;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <controller>} models:
 * <ul>
 *   <li>USB models need their QEMU device (qemuValidateDomainDeviceDefControllerUSB... "USB
 *       controller model '%s' not supported in this QEMU binary"), judged by libvirt's flag;
 *   <li>SCSI models likewise (qemuBuildControllerSCSIDevProps), ibmvscsi is pSeries' spapr-vscsi;
 *   <li>SATA needs ich9-ahci;
 *   <li>PCI: a pcie-root-port needs a PCI Express root (Q35, ARM virt), a pci-bridge cannot be
 *       placed by libvirt's address assignment on one (qemuDomainAssignPCIAddresses).
 * </ul>
 */
public final class ControllerRule implements Rule {
  private static final Map<String, String> USB_FLAG = Map.ofEntries(
      Map.entry("piix3-uhci", "piix3-usb-uhci"), Map.entry("piix4-uhci", "piix4-usb-uhci"),
      Map.entry("ehci", "usb-ehci"), Map.entry("ich9-ehci1", "ich9-usb-ehci1"),
      Map.entry("ich9-uhci1", "ich9-usb-ehci1"), Map.entry("ich9-uhci2", "ich9-usb-ehci1"),
      Map.entry("ich9-uhci3", "ich9-usb-ehci1"), Map.entry("vt82c686b-uhci", "vt82c686b-usb-uhci"),
      Map.entry("pci-ohci", "pci-ohci"), Map.entry("nec-xhci", "nec-usb-xhci"),
      Map.entry("qemu-xhci", "qemu-xhci"));
  private static final Map<String, String> SCSI_FLAG = Map.of("lsilogic", "lsi",
      "lsisas1068", "mptsas1068", "lsisas1078", "megasas", "vmpvscsi", "pvscsi",
      "am53c974", "am53c974", "dc390", "dc390");

  @Override
  public String name() {
    return "controller-model";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element c : def.devices("controller")) {
      String type = c.attrOrNull("type");
      String model = c.attrOrNull("model");
      if (type == null) {
        continue;
      }
      switch (type) {
        case "usb" -> {
          String flag = model == null ? null : USB_FLAG.get(model);
          if (flag != null) {
            out.unless(t.facts().flag(flag), c, model, "USB controller '" + model
                + "' needs QEMU's " + flag + ", which " + t.describe() + " lacks");
          }
        }
        case "scsi" -> {
          if ("ibmvscsi".equals(model)) {
            if (!m.pseries()) {
              out.error(c, model, "SCSI controller 'ibmvscsi' (spapr-vscsi) is pSeries only");
            }
          } else if (model != null && SCSI_FLAG.containsKey(model)) {
            String flag = SCSI_FLAG.get(model);
            out.unless(t.facts().flag(flag), c, model, "SCSI controller '" + model
                + "' needs QEMU's " + flag + ", which " + t.describe() + " lacks");
          }
        }
        case "sata" -> out.unless(t.facts().flag("ich9-ahci"), c, type,
            "SATA needs QEMU's ich9-ahci, which " + t.describe() + " lacks");
        case "pci" -> {
          if ("pcie-root-port".equals(model) && !m.pcieRoot()) {
            out.error(c, model, "pcie-root-port needs a PCI Express root; " + m.name()
                + " has a PCI root");
          } else if ("pci-bridge".equals(model) && m.pcieRoot() && !c.child("address")
              .isPresent()) {
            out.error(c, model, "libvirt cannot place a pci-bridge on " + m.name()
                + "'s PCI Express root by itself: add a pcie-to-pci-bridge or an <address>");
          }
        }
        default -> { }
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.ArrayList;
import java.util.List;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * USB devices need a USB controller. libvirt adds one by default only on PC machines and pSeries
 * (qemuDomainDefAddDefaultDevices); on ARM virt and s390 the domain has none unless the definition
 * names one, and libvirt refuses USB devices at define ("USB is disabled for this domain, but USB
 * devices are present in the domain XML", qemuValidateDomainDeviceDefAddress /
 * virDomainDefValidateUSB...). An explicit {@code <controller type='usb' model='none'>} has the
 * same effect everywhere.
 */
public final class UsbBusRule implements Rule {
  @Override
  public String name() {
    return "usb-bus";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    if (Ctx.hasUsb(def, m)) {
      return;
    }
    String why = Ctx.usbControllers(def).isEmpty()
        ? "libvirt adds no USB controller on " + m.name() + " and the definition names none"
        : "the definition's USB controller is model='none'";
    for (Element d : usbDevices(def, m)) {
      out.error(d, "usb", "USB device without a USB bus: " + why);
    }
  }

  static List<Element> usbDevices(DomainDefinition def, Machine m) {
    List<Element> out = new ArrayList<>();
    for (Element d : def.devices()) {
      boolean usb = switch (d.name()) {
        case "disk" -> d.child("target").map(x -> "usb".equals(x.attrOrNull("bus")))
            .orElse(false);
        case "input" -> "usb".equals(Ctx.inputBus(d, m));
        case "hostdev" -> "usb".equals(d.attrOrNull("type"))
            || ("capabilities".equals(d.attrOrNull("mode"))
                && "storage".equals(d.attrOrNull("type")));
        case "redirdev" -> "usb".equals(d.attrOrNull("bus"));
        case "sound" -> "usb".equals(d.attrOrNull("model"));
        case "controller" -> "ccid".equals(d.attrOrNull("type"));
        case "smartcard", "hub" -> true;
        default -> false;
      };
      if (usb) {
        out.add(d);
      }
    }
    return out;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <input>} (qemuValidateDomainDeviceDefInput, qemuBuildInputCommandLine):
 * <ul>
 *   <li>bus xen is not QEMU's ("unsupported input bus xen");
 *   <li>a tablet cannot sit on ps2 ("ps2 bus does not support tablet input device");
 *   <li>ps2 needs QEMU's i8042 controller (flag {@code i8042}: "ps2 is not supported by this
 *       QEMU binary");
 *   <li>passthrough needs {@code virtio-input-host} for PCI, and has no CCW variant;
 *   <li>evdev takes no bus ("input evdev doesn't support bus element"), yet libvirt 9.0's parser
 *       gives every input on s390 the virtio bus by default, evdev included.
 * </ul>
 */
public final class InputRule implements Rule {
  @Override
  public String name() {
    return "input-bus";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element in : def.devices("input")) {
      String type = in.attrOrNull("type");
      String bus = Ctx.inputBus(in, m);
      if ("evdev".equals(type)) {
        if (bus != null) {
          out.error(in, bus, "input type 'evdev' takes no bus" + (in.attr("bus").isEmpty()
              ? " (libvirt 9.0 gives it bus '" + bus + "' by default on " + m.arch() + ")" : ""));
        }
        continue;
      }
      if (bus == null) {
        continue;
      }
      if (bus.equals("xen")) {
        out.error(in, bus, "input bus 'xen' is not QEMU's; use usb, virtio or ps2");
      } else if (bus.equals("ps2")) {
        if ("tablet".equals(type)) {
          out.error(in, type, "a tablet cannot be on bus ps2 (usb or virtio)");
        } else {
          out.unless(t.facts().flag("i8042"), in, bus, "ps2 needs QEMU's i8042 controller, "
              + "which " + t.describe() + " lacks");
        }
      } else if (bus.equals("virtio") && "passthrough".equals(type)) {
        if (m.ccw()) {
          out.error(in, type, "input passthrough (virtio-input-host) has no CCW device");
        } else {
          out.unless(t.facts().flag("virtio-input-host"), in, type,
              "input passthrough needs virtio-input-host, which " + t.describe() + " lacks");
        }
      }
    }
  }

}

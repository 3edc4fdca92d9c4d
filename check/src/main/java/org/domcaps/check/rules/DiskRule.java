// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Set;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * Disk device × bus × source combinations libvirt refuses whatever the host
 * (virDomainDiskDefValidate, qemuValidateDomainDeviceDefDisk) and the buses QEMU's machine lacks:
 * <ul>
 *   <li>{@code device='lun'} needs a block (or iSCSI network) source;
 *   <li>a floppy only on bus fdc, and bus fdc only for floppies ("Invalid bus type");
 *   <li>a cdrom on virtio or sd: no ejectable media there;
 *   <li>the floppy controller is an ISA device: machines without ISA have none (QEMU: 'floppy'
 *       is not a valid device model; libvirt: "PowerPC pseries machines do not support floppy
 *       device").
 * </ul>
 */
public final class DiskRule implements Rule {
  private static final Set<String> NOT_EJECTABLE = Set.of("virtio", "sd");

  @Override
  public String name() {
    return "disk-combination";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element d : def.devices("disk")) {
      String device = Ctx.attr(d, "device", "disk");
      String type = Ctx.attr(d, "type", "file");
      String bus = d.child("target").map(x -> x.attrOrNull("bus")).orElse(null);
      Element at = d.child("target").orElse(d);
      if (device.equals("lun") && !type.equals("block") && !(type.equals("network")
          && d.child("source").map(s -> "iscsi".equals(s.attrOrNull("protocol"))).orElse(false))) {
        out.error(d, "lun", "disk device='lun' needs a block source (type='block'), not '"
            + type + "'");
        continue;
      }
      if (bus == null) {
        continue;
      }
      if (device.equals("floppy") && !bus.equals("fdc")) {
        out.error(at, bus, "a floppy only attaches to bus 'fdc', not '" + bus + "'");
      } else if (!device.equals("floppy") && bus.equals("fdc")) {
        out.error(at, bus, "bus 'fdc' takes floppies only, not device '" + device + "'");
      } else if (device.equals("cdrom") && NOT_EJECTABLE.contains(bus)) {
        out.error(at, bus, "a cdrom needs ejectable media, which bus '" + bus + "' lacks");
      } else if (bus.equals("fdc") && !m.hasIsa()) {
        out.error(at, bus, "no floppy controller on " + m.name() + ": the ISA floppy "
            + "controller exists on PC machines only");
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Map;
import java.util.OptionalLong;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * {@code <sound model>}:
 * <ul>
 *   <li>pcspk: libvirt 9.0 still passes {@code -soundhw pcspk}, which QEMU 7.1 removed ("-soundhw:
 *       invalid option");
 *   <li>ich7: libvirt 9.0 gives it no PCI connect flags, so address assignment fails at define
 *       ("Cannot automatically add a new PCI bus for a device with connect flags 00");
 *   <li>sb16 is an ISA card;
 *   <li>es1370, ac97, ich6, ich9: QEMU device types the binary must have.
 * </ul>
 */
public final class SoundRule implements Rule {
  private static final long QEMU_7_1 = 7_001_000;
  private static final Map<String, String> DEVICE = Map.of("es1370", "ES1370", "ac97", "AC97",
      "ich6", "intel-hda", "ich9", "ich9-intel-hda");

  @Override
  public String name() {
    return "sound-model";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    for (Element s : def.devices("sound")) {
      String model = s.attrOrNull("model");
      if (model == null) {
        continue;
      }
      switch (model) {
        case "pcspk" -> {
          OptionalLong v = t.facts().qemuVersion();
          if (v.isEmpty()) {
            out.unknown(s, model, "QEMU version not known: pcspk fails from QEMU 7.1, cannot "
                + "tell");
          } else if (v.getAsLong() >= QEMU_7_1) {
            out.error(s, model, "sound 'pcspk': libvirt 9.0 uses -soundhw, which QEMU 7.1 "
                + "removed");
          }
        }
        case "ich7" -> out.error(s, model, "sound 'ich7': libvirt 9.0 cannot give it a PCI "
            + "address");
        case "sb16" -> {
          if (!m.hasIsa()) {
            out.error(s, model, "sound 'sb16' is an ISA card; " + m.name() + " has no ISA bus");
          }
        }
        default -> {
          String dev = DEVICE.get(model);
          if (dev != null) {
            out.unless(t.facts().deviceType(dev), s, model, "QEMU device " + dev
                + " missing from " + t.describe());
          }
        }
      }
    }
  }
}

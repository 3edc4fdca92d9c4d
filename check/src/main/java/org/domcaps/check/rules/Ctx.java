// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.List;
import java.util.Optional;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;
import org.domcaps.model.Capability;
import org.domcaps.model.Supported;

/** Helpers the rules share: the machine, the host's description, enum lookups. */
final class Ctx {
  private Ctx() {}

  static Machine machine(DomainDefinition def, Target t) {
    return new Machine(t.caps().arch(),
        t.caps().machine().orElse(def.os().machine().orElse("")));
  }

  static boolean tcg(Target t) {
    return t.caps().domain().equals("qemu");
  }

  /**
   * Judges {@code value} of {@code at} against the capability's enum: refused when the
   * capability says no or the reported enum lacks the value; a warning when not reported.
   */
  static void inEnum(Findings out, Target t, Element at, String value, Capability cap,
      String enumName, String what) {
    if (value == null) {
      return;
    }
    if (cap.supported() == Supported.ABSENT) {
      out.unknown(at, value, what + " '" + value + "': not reported by " + t.describe()
          + ", cannot tell");
      return;
    }
    if (cap.supported() == Supported.NO) {
      out.error(at, value, List.of(), what + " '" + value + "': " + t.describe()
          + " supports no " + what.split(" ")[0] + " at all");
      return;
    }
    Optional<org.domcaps.model.CapsEnum> e = cap.findEnum(enumName);
    if (e.isEmpty()) {
      out.unknown(at, value, what + " '" + value + "': " + enumName + " not reported by "
          + t.describe() + ", cannot tell");
      return;
    }
    if (!e.get().contains(value)) {
      List<String> allowed = e.get().values();
      out.error(at, value, allowed, "not supported by " + t.describe() + "; supported: "
          + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed)));
    }
  }

  /** The USB controllers the definition names, or empty when it names none. */
  static List<Element> usbControllers(DomainDefinition def) {
    return def.devices("controller").stream()
        .filter(c -> "usb".equals(c.attrOrNull("type"))).toList();
  }

  /** Whether the domain will have a USB bus: an explicit controller, or libvirt's default. */
  static boolean hasUsb(DomainDefinition def, Machine m) {
    List<Element> usb = usbControllers(def);
    if (usb.isEmpty()) {
      return m.defaultUsb();
    }
    return usb.stream().anyMatch(c -> !"none".equals(c.attrOrNull("model")));
  }

  /**
   * An input's bus as libvirt's parser defaults it (virDomainInputDefParseXML): ps2 for x86 mice
   * and keyboards, virtio on s390 (for every type, evdev included) and for passthrough, none for
   * evdev elsewhere, usb otherwise.
   */
  static String inputBus(Element input, Machine m) {
    String bus = input.attrOrNull("bus");
    if (bus != null) {
      return bus;
    }
    String type = input.attrOrNull("type");
    if (("mouse".equals(type) || "keyboard".equals(type)) && m.x86()) {
      return "ps2";
    }
    if (m.s390x() || "passthrough".equals(type)) {
      return "virtio";
    }
    return "evdev".equals(type) ? null : "usb";
  }

  static boolean hasSpiceGraphics(DomainDefinition def) {
    return def.devices("graphics").stream().anyMatch(g -> "spice".equals(g.attrOrNull("type")));
  }

  static String attr(Element e, String name, String dflt) {
    return e.attr(name).orElse(dflt);
  }
}

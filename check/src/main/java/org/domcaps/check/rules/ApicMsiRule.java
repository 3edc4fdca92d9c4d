// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domcaps.check.Findings;
import org.domcaps.check.Machine;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainDefinition.CpuDef;
import org.domcaps.domain.Element;

/**
 * On x86, MSI and MSI-X reach the guest through the CPU's local APIC; QEMU marks MSI usable only
 * when an APIC is realized, and a PCIe root port needs MSI-X ("MSI-X is not supported by
 * interrupt controller"). On Q35 libvirt puts its default PCI devices (the USB controller, the
 * memory balloon, any virtio device) behind pcie-root-ports (qemuDomainAssignPCIAddresses), so a
 * custom CPU model without an APIC fails at start there. Whether the model has one is QEMU's
 * (its full model expansion), not libvirt's CPU map.
 */
public final class ApicMsiRule implements Rule {
  /** Devices that never go on PCI here (ISA serial console, PS/2 input, graphics, the emulator). */
  private static final Set<String> NOT_PCI = Set.of("emulator", "console", "serial", "graphics");

  @Override
  public String name() {
    return "apic-msi";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Machine m = Ctx.machine(def, t);
    Optional<CpuDef> cpu = def.cpu();
    if (!m.q35() || cpu.isEmpty() || !cpu.get().mode().equals("custom")
        || cpu.get().modelName().isEmpty() || !rootPorts(def, m)) {
      return;
    }
    String model = cpu.get().modelName().get();
    for (Element f : cpu.get().features()) {
      if ("apic".equals(f.attrOrNull("name"))) {
        String policy = Ctx.attr(f, "policy", "require");
        if (policy.equals("require") || policy.equals("force")) {
          return; // libvirt asks QEMU for apic=on
        }
      }
    }
    Optional<Map<String, Boolean>> props = t.facts().qemuCpuModel(model);
    if (props.isEmpty() || !props.get().containsKey("apic")) {
      return; // not probed, or a model CpuModelRule judges; nothing to say about the APIC
    }
    boolean disabled = cpu.get().features().stream().anyMatch(f -> "apic".equals(
        f.attrOrNull("name")) && Set.of("disable", "forbid").contains(f.attrOrNull("policy")));
    if (!props.get().get("apic") || disabled) {
      out.error(cpu.get().model().get(), model, "CPU model '" + model + "' has no local APIC "
          + (disabled ? "(disabled here)" : "in QEMU") + ", so " + t.describe() + " has no MSI-X "
          + "for the pcie-root-port libvirt adds on Q35 (\"MSI-X is not supported by interrupt "
          + "controller\")");
    }
  }

  /**
   * Whether libvirt adds a pcie-root-port: some device goes on PCI (the default USB controller,
   * the default virtio memory balloon, or any other device but the few that never do).
   */
  private static boolean rootPorts(DomainDefinition def, Machine m) {
    if (Ctx.hasUsb(def, m)) {
      return true;
    }
    boolean balloonOff = def.devices("memballoon").stream()
        .anyMatch(b -> "none".equals(b.attrOrNull("model")));
    if (!balloonOff) {
      return true;
    }
    return def.devices().stream().anyMatch(d -> !NOT_PCI.contains(d.name())
        && !d.name().equals("memballoon") && !(d.name().equals("controller")
        && "usb".equals(d.attrOrNull("type"))) && !(d.name().equals("input")
        && "ps2".equals(Ctx.inputBus(d, m))));
  }
}

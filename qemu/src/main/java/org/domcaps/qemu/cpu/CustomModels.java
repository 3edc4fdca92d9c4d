// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cpu.CpuCapabilities.CustomModel;
import org.domcaps.qemu.cpu.map.Ppc64CpuMap;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/** The custom-mode model list: QEMU's models in QEMU's order, filtered by libvirt's names. */
final class CustomModels {
  private CustomModels() {}

  /**
   * QEMU's model name as libvirt stores it: on ppc64 a name equal to a map model ignoring case
   * takes the map's spelling ({@code power9} → {@code POWER9}).
   */
  static String libvirtName(String emulatorArch, String qemuName) {
    if (CpuArchFamily.of(emulatorArch) == CpuArchFamily.PPC64) {
      return Ppc64CpuMap.get().canonicalName(qemuName).orElse(qemuName);
    }
    return qemuName;
  }

  /** The accelerator's QEMU model names as libvirt stores them, in QEMU's order. */
  static List<String> qemuNames(QemuCaps caps, AccelCaps record) {
    return record.cpuDefinitions().stream().map(d -> libvirtName(caps.arch(), d.name())).toList();
  }

  /**
   * The custom models for a domain of {@code domainArch}; empty when libvirt has no CPU driver
   * for that arch (it then reports the mode unsupported even if QEMU lists models).
   */
  static List<CustomModel> of(QemuCaps caps, AccelCaps record, String domainArch) {
    Optional<Set<String>> allowed;
    switch (CpuArchFamily.of(domainArch)) {
      case X86 -> allowed = Optional.of(
          X86CpuMap.get().models().stream().map(X86CpuMap.Model::name).collect(Collectors.toSet()));
      case PPC64 -> allowed = Optional.of(
          Ppc64CpuMap.get().models().stream().map(Ppc64CpuMap.Model::name).collect(Collectors.toSet()));
      case S390, ARM -> allowed = Optional.empty();
      default -> {
        return List.of();
      }
    }
    List<CustomModel> out = new ArrayList<>();
    for (CpuDefinition d : record.cpuDefinitions()) {
      String name = libvirtName(caps.arch(), d.name());
      if (allowed.isPresent() && !allowed.get().contains(name)) {
        continue;
      }
      if (name.equals("host")) {
        continue;
      }
      out.add(new CustomModel(name, d.usable(), d.deprecated(), vendor(caps.arch(), name)));
    }
    return out;
  }

  /** libvirt's virCPUGetVendorForModel for the emulator arch; {@code unknown} when none. */
  private static String vendor(String emulatorArch, String model) {
    Optional<String> v = switch (CpuArchFamily.of(emulatorArch)) {
      case X86 -> X86CpuMap.get().model(model).flatMap(X86CpuMap.Model::vendor);
      case PPC64 -> Ppc64CpuMap.get().model(model).flatMap(Ppc64CpuMap.Model::vendor);
      default -> Optional.empty();
    };
    return v.orElse("unknown");
  }
}

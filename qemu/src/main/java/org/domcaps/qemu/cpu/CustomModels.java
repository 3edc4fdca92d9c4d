// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.domcaps.model.CpuModel;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cpu.map.Ppc64CpuMap;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/**
 * The custom-mode model list (virQEMUCapsCPUDefsToModels): QEMU's models filtered by the CPU map
 * of the libvirt release the capabilities are of. libvirt 9.0 keeps QEMU's order; 11.3 sorts the
 * models by name, adds the canonical name of x86 aliases and the blockers of unusable models.
 */
final class CustomModels {
  private CustomModels() {}

  /**
   * QEMU's model name as libvirt stores it: on ppc64 a name equal to a map model ignoring case
   * takes the map's spelling ({@code power9} → {@code POWER9}).
   */
  static String libvirtName(String emulatorArch, String qemuName) {
    return libvirtName(emulatorArch, qemuName, LibvirtVersion.V9_0);
  }

  static String libvirtName(String emulatorArch, String qemuName, LibvirtVersion libvirt) {
    if (CpuArchFamily.of(emulatorArch) == CpuArchFamily.PPC64) {
      return Ppc64CpuMap.get(libvirt).canonicalName(qemuName).orElse(qemuName);
    }
    return qemuName;
  }

  /** The accelerator's QEMU model names as libvirt stores them, in QEMU's order. */
  static List<String> qemuNames(QemuCaps caps, AccelCaps record) {
    return record.cpuDefinitions().stream()
        .map(d -> libvirtName(caps.arch(), d.name(), caps.libvirt())).toList();
  }

  /**
   * The custom models for a domain of {@code domainArch}; empty when libvirt has no CPU driver
   * for that arch (it then reports the mode unsupported even if QEMU lists models).
   */
  static List<CpuModel> of(QemuCaps caps, AccelCaps record, String domainArch) {
    LibvirtVersion libvirt = caps.libvirt();
    boolean since11 = libvirt.atLeast(LibvirtVersion.V11_3);
    Optional<Set<String>> allowed;
    switch (CpuArchFamily.of(domainArch)) {
      case X86 -> allowed = Optional.of(X86CpuMap.get(libvirt).models().stream()
          .map(X86CpuMap.Model::name).collect(Collectors.toSet()));
      case PPC64 -> allowed = Optional.of(Ppc64CpuMap.get(libvirt).models().stream()
          .map(Ppc64CpuMap.Model::name).collect(Collectors.toSet()));
      case S390, ARM -> allowed = Optional.empty();
      default -> {
        // 11.3 added CPU drivers without a model list for riscv64 and loongarch64.
        if (since11 && (domainArch.equals("riscv64") || domainArch.equals("loongarch64"))) {
          allowed = Optional.empty();
        } else {
          return List.of();
        }
      }
    }
    List<CpuModel> out = new ArrayList<>();
    for (CpuDefinition d : record.cpuDefinitions()) {
      String name = libvirtName(caps.arch(), d.name(), libvirt);
      if (allowed.isPresent() && !allowed.get().contains(name)) {
        continue;
      }
      if (name.equals("host")) {
        continue;
      }
      CpuModel model = new CpuModel(name, d.usable().toModel(), d.deprecated(),
          vendor(caps.arch(), name, libvirt));
      if (!since11) {
        out.add(model);
        continue;
      }
      Optional<String> canonical = CpuArchFamily.of(caps.arch()) == CpuArchFamily.X86
          ? X86CpuMap.get(libvirt).canonicalName(name) : Optional.empty();
      if (canonical.isPresent()) {
        model = model.withCanonical(canonical.get());
      }
      // virDomainCapsCPUModelsSort: blockers sorted (strcmp) without duplicates.
      out.add(model.withBlockers(new ArrayList<>(new TreeSet<>(d.blockers()))));
    }
    if (since11) {
      out.sort(Comparator.comparing(CpuModel::name)); // strcmp on ASCII names
    }
    return out;
  }

  /** QEMU's usability of a model (from its blockers) as libvirt reports it. */
  /** libvirt's virCPUGetVendorForModel for the emulator arch; {@code unknown} when none. */
  private static String vendor(String emulatorArch, String model, LibvirtVersion libvirt) {
    Optional<String> v = switch (CpuArchFamily.of(emulatorArch)) {
      case X86 -> X86CpuMap.get(libvirt).model(model).flatMap(X86CpuMap.Model::vendor);
      case PPC64 -> Ppc64CpuMap.get(libvirt).model(model).flatMap(Ppc64CpuMap.Model::vendor);
      // 11.3's s390 driver names IBM for the z and gen model families.
      case S390 -> libvirt.atLeast(LibvirtVersion.V11_3)
          && (model.startsWith("z") || model.startsWith("gen")) ? Optional.of("IBM")
              : Optional.empty();
      default -> Optional.empty();
    };
    return v.orElse("unknown");
  }

}

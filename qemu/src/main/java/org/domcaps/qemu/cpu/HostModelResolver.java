// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.model.CpuFallback;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuFeaturePolicy;
import org.domcaps.model.HostModel;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.MaxPhysAddr;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/**
 * The host-model CPU libvirt 9.0.0 reports for one accelerator record
 * (virQEMUCapsInitHostCPUModel). Any failure in libvirt's pipeline leaves no host-model; so does
 * any failure here.
 */
public final class HostModelResolver {
  /** Features libvirt drops from a host-detected x86 CPU because QEMU never supported them. */
  private static final Set<String> X86_UNSUPPORTED_HOST_FEATURES =
      Set.of("cmt", "mbm_total", "mbm_local", "osxsave", "ospke");

  private HostModelResolver() {}

  /** The host-model for {@code accel}'s record of {@code caps} on the host {@code host}. */
  public static Optional<HostModel> resolve(QemuCaps caps, Accel accel, HostCpuFacts host) {
    String arch = caps.arch();
    if (!LibvirtArch.guestIsNative(host.arch(), arch)) {
      return Optional.empty();
    }
    AccelCaps record = caps.accel(accel);
    CpuArchFamily family = CpuArchFamily.of(arch);
    Optional<HostCpuExpansion> expansion = record.hostCpu();
    Optional<HostModel> cpu;
    switch (family) {
      case ARM:
        return Optional.empty();
      case S390:
        // Without QEMU's expansion libvirt errors (KVM) or declares it unsupported (TCG).
        cpu = expansion.map(HostModelResolver::s390);
        break;
      case X86:
        if (expansion.isPresent()) {
          cpu = x86(caps, record, expansion.get());
          if (cpu.isPresent() && accel != Accel.TCG && host.detect(arch, null).isEmpty()) {
            // libvirt also builds the full host CPU for accelerated guests and gives up on failure.
            return Optional.empty();
          }
        } else {
          cpu = fallback(caps, record, host);
        }
        break;
      default:
        cpu = fallback(caps, record, host);
        break;
    }
    if (family == CpuArchFamily.X86 && !caps.has("cpu-unavailable-features")) {
      cpu = cpu.map(c -> dropMsrFeatures(c, X86CpuMap.get(caps.libvirt())));
    }
    // 11.3 reports the host's physical address size for accelerated guests.
    int bits = host.physAddrBits();
    if (caps.libvirt().atLeast(LibvirtVersion.V11_3) && accel != Accel.TCG && bits > 0) {
      cpu = cpu.map(c -> c.toBuilder().maxPhysAddr(MaxPhysAddr.of("passthrough").withLimit(bits))
          .build());
    }
    return cpu;
  }

  private static Optional<HostModel> x86(QemuCaps caps, AccelCaps record,
      HostCpuExpansion expansion) {
    X86CpuMap map = X86CpuMap.get(caps.libvirt());
    List<CpuDefinition> models = record.cpuDefinitions().isEmpty() ? null : record.cpuDefinitions();
    return X86HostData.of(expansion, map)
        .flatMap(data -> new X86HostModelDecoder(map).decode(data, models))
        .map(d -> HostModel.builder(d.model()).fallback(CpuFallback.FORBID)
            .vendor(d.vendor().orElse(null)).features(d.features()).build());
  }

  /** s390: QEMU's static expansion verbatim, boolean properties in reply order. */
  private static HostModel s390(HostCpuExpansion expansion) {
    HostModel.Builder b = HostModel.builder(expansion.model()).fallback(CpuFallback.FORBID);
    for (HostCpuProperty p : expansion.properties()) {
      if (p.type() == HostCpuProperty.Type.BOOLEAN) {
        b.feature(p.booleanValue() ? CpuFeaturePolicy.REQUIRE : CpuFeaturePolicy.DISABLE, p.name());
      }
    }
    return b.build();
  }

  /** libvirt's own host detection, restricted to the accelerator's QEMU models; fallback allow. */
  private static Optional<HostModel> fallback(QemuCaps caps, AccelCaps record, HostCpuFacts host) {
    List<String> names = CustomModels.qemuNames(caps, record);
    Optional<HostCpu> detected = host.detect(host.arch(), names.isEmpty() ? null : names);
    if (detected.isEmpty() || detected.get().model().isEmpty()) {
      return Optional.empty();
    }
    HostCpu cpu = detected.get();
    boolean x86 = CpuArchFamily.of(caps.arch()) == CpuArchFamily.X86;
    HostModel.Builder b = HostModel.builder(cpu.model().get()).fallback(CpuFallback.ALLOW)
        .vendor(cpu.vendor().orElse(null));
    for (String f : cpu.features()) {
      if (!(x86 && X86_UNSUPPORTED_HOST_FEATURES.contains(f))) {
        b.feature(CpuFeaturePolicy.REQUIRE, f);
      }
    }
    return Optional.of(b.build());
  }

  /** Without QEMU's unavailable-features property libvirt cannot trust MSR features: drop them. */
  private static HostModel dropMsrFeatures(HostModel cpu, X86CpuMap map) {
    List<CpuFeature> kept = cpu.features().stream()
        .filter(f -> !map.feature(f.name()).map(X86CpuMap.Feature::msr).orElse(false))
        .toList();
    return cpu.toBuilder().clearFeatures().features(kept).build();
  }
}

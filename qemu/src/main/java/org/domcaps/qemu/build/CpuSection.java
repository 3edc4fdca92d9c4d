// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;
import org.domcaps.model.MaxPhysAddr;

import java.util.List;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuModel;
import org.domcaps.model.HostModel;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Usable;
import org.domcaps.qemu.cpu.CpuCapabilities;
import org.domcaps.qemu.cpu.CpuCapabilitiesResolver;
import org.domcaps.qemu.cpu.HostCpuFacts;

/** The {@code <cpu>} element: the CPU logic's result for a request, in the document model. */
public final class CpuSection {
  private CpuSection() {}

  /** libvirt's virQEMUCapsFillDomainCPUCaps for the request, with the given host CPU facts. */
  public static Cpu of(ResolvedRequest request, HostCpuFacts host) {
    return toModel(CpuCapabilitiesResolver.resolve(
        request.caps(), request.virtType(), request.arch(), request.machine(), host));
  }

  static Cpu toModel(CpuCapabilities c) {
    Cpu.Builder b = Cpu.builder()
        .hostPassthrough(mode(c.hostPassthrough().supported(),
            c.hostPassthrough().hostPassthroughMigratable()))
        .maximum(mode(c.maximum().supported(), c.maximum().maximumMigratable()));
    c.hostModel().cpu().ifPresent(m -> b.hostModel(hostModel(m)));
    for (CpuCapabilities.CustomModel m : c.custom().models()) {
      CpuModel model = new CpuModel(m.name(), usable(m.usable()), m.deprecated(), m.vendor());
      if (m.canonical().isPresent()) {
        model = model.withCanonical(m.canonical().get());
      }
      if (!m.blockers().isEmpty()) {
        model = model.withBlockers(m.blockers());
      }
      b.customModel(model);
    }
    return b.build();
  }

  private static MigratableMode mode(boolean supported, List<CpuCapabilities.Toggle> values) {
    if (!supported) {
      return MigratableMode.no();
    }
    return MigratableMode.yes(
        values.stream().map(CpuCapabilities.Toggle::xmlName).toArray(String[]::new));
  }

  private static HostModel hostModel(org.domcaps.qemu.cpu.HostModel m) {
    HostModel.Builder h = HostModel.builder(m.model()).fallback(m.fallback().xmlName());
    m.vendor().ifPresent(h::vendor);
    m.maxPhysAddrLimit().ifPresent(n -> h.maxPhysAddr(MaxPhysAddr.of("passthrough").withLimit(n)));
    for (org.domcaps.qemu.cpu.HostModel.Feature f : m.features()) {
      h.feature(f.policy().xmlName(), f.name());
    }
    return h.build();
  }

  private static Usable usable(org.domcaps.qemu.caps.CpuDefinition.Usable u) {
    return switch (u) {
      case YES -> Usable.YES;
      case NO -> Usable.NO;
      case UNKNOWN -> Usable.UNKNOWN;
    };
  }
}

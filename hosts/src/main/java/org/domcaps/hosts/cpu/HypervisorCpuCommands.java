// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.domcaps.model.LibvirtVersion;

/**
 * libvirt's qemuConnectBaselineHypervisorCPU and qemuConnectCompareHypervisorCPU (9.0.0, or the
 * release given) over a {@link HypervisorCpu}: the x86 algorithms run in-process on the CPU map,
 * as libvirt runs them.
 */
public final class HypervisorCpuCommands {
  private final X86Baseline baseline;
  private final X86Compare compare;
  private final X86PartialCheck partialCheck;
  private final LibvirtVersion libvirt;

  /** As libvirt 9.0.0. */
  public HypervisorCpuCommands() {
    this(LibvirtVersion.V9_0);
  }

  /** As the release {@code libvirt}, over the CPU map it ships. */
  public HypervisorCpuCommands(LibvirtVersion libvirt) {
    this.libvirt = libvirt;
    baseline = new X86Baseline(libvirt);
    compare = new X86Compare(libvirt);
    partialCheck = new X86PartialCheck(libvirt, compare, baseline);
  }

  /** The baseline guest CPU, printed as libvirt prints it. */
  public String baseline(List<CpuDef> cpus, HypervisorCpu hv, boolean expandFeatures,
      boolean migratable)
      throws CpuException {
    return CpuXmlWriter.format(baselineCpu(cpus, hv, expandFeatures, migratable));
  }

  /**
   * As {@link #baseline(List, HypervisorCpu, boolean, boolean)}; {@code maxPhysAddrLimits} are
   * the inputs' {@code <maxphysaddr limit>} (0 where absent), which libvirt 11.3 reduces to the
   * least one, none when one input has none (qemuConnectBaselineHypervisorCPU).
   */
  public String baseline(List<CpuDef> cpus, List<Long> maxPhysAddrLimits, HypervisorCpu hv,
      boolean expandFeatures, boolean migratable) throws CpuException {
    CpuDef cpu = baselineCpu(cpus, hv, expandFeatures, migratable);
    long limit = 0;
    if (libvirt.atLeast(LibvirtVersion.V11_3)) {
      for (int i = 0; i < maxPhysAddrLimits.size(); i++) {
        long l = maxPhysAddrLimits.get(i);
        if (l == 0) {
          limit = 0;
        } else if (i == 0 || l < limit) {
          limit = l;
        }
      }
    }
    return CpuXmlWriter.format(cpu, limit);
  }

  public CpuDef baselineCpu(List<CpuDef> cpus, HypervisorCpu hv, boolean expandFeatures,
      boolean migratable) throws CpuException {
    if (hv.models().isEmpty()) {
      throw new CpuException("Operation not supported: QEMU '" + hv.binary()
          + "' does not support any CPU models for virttype '" + hv.virtType() + "'");
    }
    if (!isX86(hv.arch())) {
      throw new CpuException("Operation not supported: computing baseline hypervisor CPU is not"
          + " supported for arch " + hv.arch());
    }
    List<String> features = null;
    if (hv.hostCpuFeatures().isPresent()) {
      features = migratable ? hv.migratableFeatures().get() : hv.hostCpuFeatures().get();
      if (!migratable || hv.migratability()) {
        // QEMU already left the non-migratable ones out: no second filter in the baseline.
        migratable = false;
      }
    }
    CpuDef cpu = baseline.baseline(cpus, hv.models(), features, migratable)
        .withFallback(CpuDef.Fallback.FORBID);
    if (expandFeatures) {
      cpu = baseline.expand(cpu);
      List<CpuDef.Feature> sorted = new ArrayList<>(cpu.features());
      sorted.sort(Comparator.comparing(CpuDef.Feature::name));
      cpu = cpu.withFeatures(sorted);
    }
    return cpu;
  }

  /**
   * The comparison of {@code cpu} with the hypervisor's host-model CPU; from libvirt 11.3 on
   * (qemuDomainCheckCPU) QEMU's usability of the model and its blockers come first.
   */
  public X86Compare.Result compare(CpuDef cpu, HypervisorCpu hv, boolean failIncompatible)
      throws CpuException {
    if (hv.hostModel().isEmpty() || hv.hostModel().get().fallback() != CpuDef.Fallback.FORBID) {
      throw new CpuException("Operation not supported: QEMU '" + hv.binary()
          + "' does not support reporting CPU model for virttype '" + hv.virtType() + "'");
    }
    if (!isX86(hv.arch())) {
      throw new CpuException("Operation not supported: comparing with the hypervisor CPU is not"
          + " supported for arch " + hv.arch());
    }
    if (libvirt.atLeast(LibvirtVersion.V11_3)) {
      return partialCheck.check(hv.hostModel().get(), hv.models(), cpu, failIncompatible);
    }
    return compare.compare(hv.hostModel().get(), cpu, failIncompatible);
  }

  private static boolean isX86(String arch) {
    return arch.equals("x86_64") || arch.equals("i686");
  }
}

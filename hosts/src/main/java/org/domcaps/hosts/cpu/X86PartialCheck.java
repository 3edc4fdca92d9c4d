// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.Usable;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * libvirt 10.x and later's check of a guest CPU against the hypervisor (qemuDomainCheckCPU, which
 * hypervisor-cpu-compare runs on x86): QEMU's own verdict on the model first; then, for a model
 * QEMU offers but finds unusable, either libvirt's CPU map comparison (models the map marks
 * {@code <check partial='compat'/>}) or QEMU's blockers, which the CPU must disable
 * (virCPUCompareUnusable).
 */
final class X86PartialCheck {
  private final X86CpuModels map;
  private final X86Compare compare;
  private final X86Baseline expand;

  /** Over the CPU map of {@code libvirt}, with the comparison and expansion of that release. */
  X86PartialCheck(LibvirtVersion libvirt, X86Compare compare, X86Baseline expand) {
    this.map = X86CpuModels.get(libvirt);
    this.compare = compare;
    this.expand = expand;
  }

  /**
   * Checks {@code cpu} against the hypervisor's reported host-model CPU {@code host} and its
   * offered {@code models}; with {@code failIncompatible} an incompatible CPU is libvirt's error.
   */
  X86Compare.Result check(CpuDef host, List<HypervisorModel> models, CpuDef cpu,
      boolean failIncompatible) throws CpuException {
    Optional<HypervisorModel> offered = cpu.model()
        .flatMap(name -> models.stream().filter(m -> m.name().equals(name)).findFirst());
    // virQEMUCapsIsCPUUsable: QEMU's verdict holds only for the model as it is, or with
    // features taken away.
    boolean onlyDisables = cpu.features().stream().allMatch(f -> f.policy() == Policy.DISABLE);
    if (offered.isPresent() && onlyDisables && offered.get().usable() == Usable.YES) {
      return X86Compare.Result.SUPERSET;
    }
    if (offered.isEmpty() || compatCheck(offered.get().name())) {
      return compare.compare(host, cpu, failIncompatible);
    }
    return compareUnusable(host, cpu, offered.get().blockers(), failIncompatible);
  }

  /** virCPUx86GetCheckMode: a model QEMU offers and libvirt's map lacks is an error. */
  private boolean compatCheck(String model) throws CpuException {
    return map.model(model)
        .orElseThrow(() -> new CpuException("invalid argument: unknown CPU model " + model))
        .compatCheck();
  }

  /**
   * virCPUCompareUnusable: every blocker the CPU does not disable, then every feature it requires
   * that the expanded host CPU does not require, makes it incompatible.
   */
  private X86Compare.Result compareUnusable(CpuDef host, CpuDef cpu, List<String> blockers,
      boolean failIncompatible) throws CpuException {
    List<String> missing = new ArrayList<>();
    for (String b : blockers) {
      if (!policy(cpu.features(), b).equals(Optional.of(Policy.DISABLE))) {
        missing.add(b);
      }
    }
    List<Feature> hostFeatures = expand.expand(host).features();
    for (Feature f : cpu.features()) {
      if (f.policy() == Policy.REQUIRE
          && !policy(hostFeatures, f.name()).equals(Optional.of(Policy.REQUIRE))) {
        missing.add(f.name());
      }
    }
    if (missing.isEmpty()) {
      return X86Compare.Result.SUPERSET;
    }
    if (failIncompatible) {
      throw X86Compare.incompatibleError("Host CPU does not provide required features: "
          + String.join(", ", missing));
    }
    return X86Compare.Result.INCOMPATIBLE;
  }

  /** virCPUDefFindFeature's policy: the first feature of that name. */
  private static Optional<Policy> policy(List<Feature> features, String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst().map(Feature::policy);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * libvirt 9.0.0's x86 CPU baseline (virCPUx86Baseline) and feature expansion
 * (virCPUx86ExpandFeatures), over the CPU map the project ships.
 */
public final class X86Baseline {
  private final X86Data x86;
  private final X86Decoder decoder;

  public X86Baseline() {
    this(X86CpuModels.get());
  }

  /** Over the CPU map of the release {@code libvirt}. */
  public X86Baseline(org.domcaps.model.LibvirtVersion libvirt) {
    this(X86CpuModels.get(libvirt));
  }

  X86Baseline(X86CpuModels map) {
    this.x86 = new X86Data(map);
    this.decoder = new X86Decoder(x86);
  }

  /**
   * The guest CPU every one of {@code cpus} can run.
   *
   * @param models the hypervisor's CPU models (null: any map model)
   * @param hypervisorFeatures the features the hypervisor knows (null: no restriction)
   * @param migratable drop features that block migration
   */
  public CpuDef baseline(List<CpuDef> cpus, List<HypervisorModel> models,
      List<String> hypervisorFeatures, boolean migratable) throws CpuException {
    if (cpus.isEmpty()) {
      throw new CpuException("invalid argument: no CPUs given");
    }
    for (int i = 0; i < cpus.size(); i++) {
      if (cpus.get(i).model().isEmpty()) {
        throw new CpuException("invalid argument: no CPU model specified at index " + i);
      }
    }
    CpuDef first = cpus.get(0);
    Set<String> base = x86.all(first);
    boolean outputVendor = true;
    Optional<X86CpuModels.Vendor> vendor = Optional.empty();
    if (first.vendor().isEmpty()) {
      outputVendor = false;
    } else {
      vendor = Optional.of(knownVendor(first.vendor().get()));
    }
    List<String> names = new ArrayList<>();
    names.add(first.model().get());
    for (CpuDef cpu : cpus.subList(1, cpus.size())) {
      String modelName = cpu.model().get();
      if (!names.contains(modelName)) {
        names.add(modelName);
      }
      Set<String> data = x86.all(cpu);
      Optional<String> modelVendor = x86.model(modelName).vendor();
      if (cpu.vendor().isPresent() && modelVendor.isPresent()
          && !cpu.vendor().get().equals(modelVendor.get())) {
        throw new CpuException("operation failed: CPU vendor " + modelVendor.get() + " of model "
            + modelName + " differs from vendor " + cpu.vendor().get());
      }
      Optional<String> vn = cpu.vendor();
      if (vn.isEmpty()) {
        outputVendor = false;
        vn = modelVendor;
      }
      if (vn.isPresent()) {
        if (vendor.isEmpty()) {
          vendor = Optional.of(knownVendor(vn.get()));
        } else if (!vendor.get().name().equals(vn.get())) {
          throw new CpuException("operation failed: CPU vendors do not match");
        }
      }
      base.retainAll(data);
    }
    if (hypervisorFeatures != null) {
      base.retainAll(new HashSet<>(hypervisorFeatures));
    }
    if (base.isEmpty()) {
      throw new CpuException("operation failed: CPUs are incompatible");
    }
    CpuDef cpu = decoder.decode(base, vendor, models, names, migratable);
    if (names.size() == 1 && cpu.model().get().equals(names.get(0))) {
      cpu = cpu.withFallback(CpuDef.Fallback.FORBID);
    }
    if (!outputVendor) {
      cpu = cpu.withVendor(Optional.empty());
    }
    return cpu;
  }

  /**
   * virCPUx86ExpandFeatures for a guest CPU: the model's features listed as required, the CPU's
   * own required/disabled features applied over them, then the model's removed features disabled.
   */
  public CpuDef expand(CpuDef cpu) throws CpuException {
    String name = cpu.model()
        .orElseThrow(() -> new CpuException("internal error: unknown CPU model (null)"));
    X86CpuModels.Model model = x86.map().model(name)
        .orElseThrow(() -> new CpuException("internal error: unknown CPU model " + name));
    List<Feature> expanded = x86.features(model.features(), Policy.REQUIRE);
    boolean host = cpu.type() == CpuDef.Type.HOST;
    for (Feature f : cpu.features()) {
      if (!host && f.policy() != Policy.REQUIRE && f.policy() != Policy.DISABLE) {
        continue;
      }
      expanded = CpuDef.updated(expanded, f.name(), f.policy());
    }
    if (!host) {
      for (String r : model.removed()) {
        if (expanded.stream().noneMatch(f -> f.name().equals(r))) {
          expanded = new ArrayList<>(expanded);
          expanded.add(new Feature(r, Policy.DISABLE));
        }
      }
    }
    return cpu.withFeatures(expanded);
  }

  private X86CpuModels.Vendor knownVendor(String name) throws CpuException {
    return x86.vendor(name)
        .orElseThrow(() -> new CpuException("operation failed: Unknown CPU vendor " + name));
  }
}

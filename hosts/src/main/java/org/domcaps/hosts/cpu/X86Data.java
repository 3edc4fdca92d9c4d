// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * libvirt's x86 CPU data as feature names of the CPU map: every map feature is one CPUID or MSR
 * bit and no two share a bit, so set operations on names are libvirt's bit operations.
 */
final class X86Data {
  private final X86CpuModels map;

  X86Data(X86CpuModels map) {
    this.map = map;
  }

  X86CpuModels map() {
    return map;
  }

  X86CpuModels.Model model(String name) throws CpuException {
    return map.model(name)
        .orElseThrow(() -> new CpuException("internal error: Unknown CPU model " + name));
  }

  /**
   * x86ModelFromCPU with policy -1: the model's features, plus required and forced ones, minus
   * disabled and forbidden ones (optional ones ignored). A host CPU's features all count as
   * required.
   */
  Set<String> all(CpuDef cpu) throws CpuException {
    Set<String> data = new HashSet<>();
    if (cpu.model().isPresent()) {
      data.addAll(model(cpu.model().get()).features());
    }
    for (Feature f : cpu.features()) {
      Policy p = cpu.type() == CpuDef.Type.HOST ? Policy.REQUIRE : f.policy();
      if (p == Policy.OPTIONAL) {
        continue;
      }
      known(f.name());
      if (p == Policy.FORCE || p == Policy.REQUIRE) {
        data.add(f.name());
      } else {
        data.remove(f.name());
      }
    }
    return data;
  }

  /**
   * x86ModelFromCPU with one policy: for require, the model's features plus the required ones;
   * otherwise just the features of that policy. A host CPU has only required features.
   */
  Set<String> withPolicy(CpuDef cpu, Policy policy) throws CpuException {
    Set<String> data = new HashSet<>();
    if (cpu.type() == CpuDef.Type.HOST && policy != Policy.REQUIRE) {
      return data;
    }
    if (cpu.model().isPresent() && policy == Policy.REQUIRE) {
      data.addAll(model(cpu.model().get()).features());
    }
    for (Feature f : cpu.features()) {
      Policy p = cpu.type() == CpuDef.Type.HOST ? Policy.REQUIRE : f.policy();
      if (p != policy) {
        continue;
      }
      known(f.name());
      data.add(f.name());
    }
    return data;
  }

  void known(String feature) throws CpuException {
    if (map.feature(feature).isEmpty()) {
      throw new CpuException("internal error: Unknown CPU feature " + feature);
    }
  }

  Optional<X86CpuModels.Vendor> vendor(String name) {
    return map.vendors().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** x86FeatureNames: the names of {@code data} in map order, joined. */
  String names(Collection<String> data, String separator) {
    List<String> out = new ArrayList<>();
    for (X86CpuModels.Feature f : map.features()) {
      if (data.contains(f.name())) {
        out.add(f.name());
      }
    }
    return String.join(separator, out);
  }

  /** x86DataToCPUFeatures: {@code data}'s features with one policy, in map order. */
  List<Feature> features(Set<String> data, Policy policy) {
    List<Feature> out = new ArrayList<>();
    for (X86CpuModels.Feature f : map.features()) {
      if (data.contains(f.name())) {
        out.add(new Feature(f.name(), policy));
      }
    }
    return out;
  }

  boolean migratable(String feature) {
    return map.feature(feature).map(X86CpuModels.Feature::migratable).orElse(true);
  }
}

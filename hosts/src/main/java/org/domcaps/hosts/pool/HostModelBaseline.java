// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.domcaps.hosts.cpu.CpuDef;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.HypervisorModel;
import org.domcaps.hosts.cpu.X86Baseline;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.HostModel;
import org.domcaps.model.Usable;

/**
 * The host-model of a pool: the x86 CPU baseline of the hosts' host-model CPUs, decoded onto
 * the CPU models every host offers. Identical host-models are kept unchanged; CPUs with no common
 * baseline (different vendors, a model the map lacks, a non-x86 CPU) leave host-model unsupported.
 */
public class HostModelBaseline {
  private final X86Baseline baseline = new X86Baseline();

  Optional<HostModel> baseline(List<HostModel> hostModels, List<String> commonModels) {
    if (hostModels.stream().distinct().count() == 1) {
      return Optional.of(hostModels.get(0));
    }
    // Sorted, so that the baseline (whose model preference follows input order) is the same for
    // every order of the documents.
    Map<HostModel, String> keys = new HashMap<>();
    for (HostModel m : hostModels) {
      keys.computeIfAbsent(m, HostModelBaseline::key);
    }
    List<HostModel> sorted = new ArrayList<>(hostModels);
    sorted.sort(Comparator.comparing(keys::get));
    List<CpuDef> cpus = sorted.stream().map(HypervisorCpu::guestCpu).toList();
    List<HypervisorModel> models = commonModels.stream()
        .map(n -> new HypervisorModel(n, Usable.UNKNOWN, List.of()))
        .toList();
    CpuDef cpu;
    try {
      cpu = baseline.baseline(cpus, models.isEmpty() ? null : models, null, false);
    } catch (CpuException e) {
      return Optional.empty();
    }
    HostModel.Builder b = HostModel.builder(cpu.model().get()).fallback("forbid");
    // The baseline keeps a vendor only when every input named one; a host-model always has one.
    cpu.vendor().or(() -> sorted.get(0).vendor()).ifPresent(b::vendor);
    for (CpuDef.Feature f : cpu.features()) {
      b.feature(new CpuFeature(f.policy().name().toLowerCase(java.util.Locale.ROOT), f.name()));
    }
    return Optional.of(b.build());
  }

  /** A total order on host-models: vendor, model, then the features in document order. */
  private static String key(HostModel m) {
    StringBuilder sb = new StringBuilder().append(m.vendor().orElse("")).append('\0')
        .append(m.model());
    for (CpuFeature f : m.features()) {
      sb.append('\0').append(f.policy()).append(' ').append(f.name());
    }
    return sb.toString();
  }
}

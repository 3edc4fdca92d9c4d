// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.qemu.api.X86CpuModels;

/**
 * libvirt 9.0.0's x86Decode for a guest CPU computed from CPU data that carries no family/model
 * signature (a baseline: the intersection of model data has none): every map model, newest first,
 * is a candidate; a single preferred model wins outright; otherwise the shortest feature list
 * (disabled features weigh more) wins, ties going to a preferred model with fewer disabled ones.
 */
final class X86Decoder {
  /**
   * libvirt's weight of the first disabled feature (BASE_PENALTY); each next one weighs one more.
   */
  private static final int BASE_PENALTY = 2;

  private final X86Data x86;

  X86Decoder(X86Data x86) {
    this.x86 = x86;
  }

  /**
   * @param data the map features present
   * @param vendor the CPU vendor, when known
   * @param models the hypervisor's models (null: every map model may be chosen)
   * @param preferred model names to prefer, in order
   * @return model name and feature list (require first, then disable, each in map order, then
   *     the model's removed features)
   */
  CpuDef decode(Set<String> data, Optional<X86CpuModels.Vendor> vendor,
      List<HypervisorModel> models,
      List<String> preferred, boolean migratable) throws CpuException {
    Map<String, HypervisorModel> offered = null;
    if (models != null) {
      offered = new LinkedHashMap<>();
      for (HypervisorModel m : models) {
        offered.putIfAbsent(m.name(), m);
      }
    }
    boolean single = preferred.size() == 1;
    X86CpuModels.Model best = null;
    List<Feature> bestFeatures = null;
    List<X86CpuModels.Model> all = x86.map().models();
    for (int i = all.size() - 1; i >= 0; i--) {
      X86CpuModels.Model candidate = all.get(i);
      HypervisorModel hv = null;
      if (offered != null) {
        hv = offered.get(candidate.name());
        if (hv == null) {
          // A preferred model the hypervisor lacks is only skipped: a baseline allows fallback.
          continue;
        }
      }
      if (vendor.isPresent() && candidate.vendor().isPresent()
          && !vendor.get().name().equals(candidate.vendor().get())) {
        continue;
      }
      List<Feature> list = featureList(data, candidate, hv);
      if (!candidate.decodeGuest()) {
        continue;
      }
      boolean isPreferred = preferred.contains(candidate.name());
      if (isPreferred && single) {
        best = candidate;
        bestFeatures = list;
        break;
      }
      if (best == null || better(bestFeatures, list, isPreferred)) {
        best = candidate;
        bestFeatures = list;
      }
    }
    if (best == null) {
      throw new CpuException("internal error: Cannot find suitable CPU model for given data");
    }
    if (migratable) {
      List<Feature> kept = new ArrayList<>();
      for (Feature f : bestFeatures) {
        if (x86.migratable(f.name())) {
          kept.add(f);
        }
      }
      bestFeatures = kept;
    }
    return CpuDef.guest(best.name(), vendor.map(X86CpuModels.Vendor::name), bestFeatures);
  }

  /**
   * x86DataToCPU for a guest: features the data adds over the model required, the model's
   * features the data lacks disabled, and so are the hypervisor's blockers unless the data adds
   * them over the model; then the model's removed features, disabled, unless listed.
   */
  private List<Feature> featureList(Set<String> data, X86CpuModels.Model model,
      HypervisorModel hv) {
    Set<String> require = new HashSet<>(data);
    require.removeAll(model.features());
    Set<String> disable = new HashSet<>(model.features());
    disable.removeAll(data);
    if (hv != null) {
      for (String b : hv.blockers()) {
        if (x86.map().feature(b).isPresent() && !require.contains(b)) {
          disable.add(b);
        }
      }
    }
    List<Feature> out = new ArrayList<>(x86.features(require, Policy.REQUIRE));
    out.addAll(x86.features(disable, Policy.DISABLE));
    Set<String> listed = new HashSet<>(require);
    listed.addAll(disable);
    for (String r : model.removed()) {
      if (listed.add(r)) {
        out.add(new Feature(r, Policy.DISABLE));
      }
    }
    return out;
  }

  /** virCPUx86CompareCandidateFeatureList for guest CPUs, its shrinking loop bound included. */
  private static boolean better(List<Feature> current, List<Feature> candidate,
      boolean isPreferred) {
    int[] cur = weigh(current);
    int[] cand = weigh(candidate);
    if (cand[0] < cur[0] || (cand[0] == cur[0] && cand[1] < cur[1])) {
      return true;
    }
    return isPreferred && cand[1] < cur[1];
  }

  /** {total weight, disabled weight}. */
  private static int[] weigh(List<Feature> features) {
    int enabled = features.size();
    int disabled = 0;
    int penalty = BASE_PENALTY;
    for (int i = 0; i < enabled; i++) {
      if (features.get(i).policy() == Policy.DISABLE) {
        enabled--;
        disabled += penalty;
        penalty++;
      }
    }
    return new int[] {enabled + disabled, disabled};
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuFeaturePolicy;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/**
 * libvirt 9.0.0's x86 decode of host CPU data into a base model plus required/disabled features
 * (x86Decode for a guest CPU, non-migratable): the candidate with the best signature match, then
 * the lowest score, wins.
 */
final class X86HostModelDecoder {
  /** The chosen model: name, host vendor and ordered feature list. */
  record Decoded(String model, Optional<String> vendor, List<CpuFeature> features) {}

  private final X86CpuMap map;

  X86HostModelDecoder(X86CpuMap map) {
    this.map = map;
  }

  /**
   * Decodes {@code host}; {@code qemuModels} is the accelerator's QEMU model list (null when the
   * record has none: every map model is then a candidate). Empty when no candidate qualifies.
   */
  Optional<Decoded> decode(X86HostData host, List<CpuDefinition> qemuModels) {
    Optional<String> vendor = hostVendor(host);
    Set<String> features = new LinkedHashSet<>(host.features());
    int sig = host.signature();
    if (vendor.equals(Optional.of("Intel")) && hasTsxErratum(sig)) {
      // libvirt hides TSX on Haswell/Broadwell parts whose microcode disabled it.
      features.remove("hle");
      features.remove("rtm");
    }
    int masked = sig & 0x0fff3fff;
    X86CpuMap.Model best = null;
    List<CpuFeature> bestFeatures = null;
    List<X86CpuMap.Model> models = map.models();
    for (int i = models.size() - 1; i >= 0; i--) {
      X86CpuMap.Model candidate = models.get(i);
      List<String> blockers = List.of();
      if (qemuModels != null) {
        Optional<CpuDefinition> def =
            qemuModels.stream().filter(d -> d.name().equals(candidate.name())).findFirst();
        if (def.isEmpty()) {
          continue;
        }
        blockers = def.get().blockers();
      }
      if (vendor.isPresent() && candidate.vendor().isPresent()
          && !vendor.equals(candidate.vendor())) {
        continue;
      }
      if (!candidate.decodeGuest()) {
        continue;
      }
      List<CpuFeature> list = featureList(features, candidate, blockers);
      if (best == null) {
        best = candidate;
        bestFeatures = list;
        continue;
      }
      if (masked != 0) {
        int f = X86HostData.family(masked);
        int m = X86HostData.model(masked);
        int s = X86HostData.stepping(masked);
        boolean bestMatches = best.signatureMatches(f, m, s);
        boolean candidateMatches = candidate.signatureMatches(f, m, s);
        if (bestMatches && !candidateMatches) {
          continue;
        }
        if (!bestMatches && candidateMatches) {
          best = candidate;
          bestFeatures = list;
          continue;
        }
      }
      Score c = Score.of(list);
      Score b = Score.of(bestFeatures);
      if (c.score < b.score || (c.score == b.score && c.penalty < b.penalty)) {
        best = candidate;
        bestFeatures = list;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new Decoded(best.name(), vendor, bestFeatures));
  }

  private Optional<String> hostVendor(X86HostData host) {
    if (host.vendorString().isEmpty()) {
      return Optional.empty();
    }
    return map.vendors().stream()
        .filter(v -> v.cpuidString().equals(host.vendorString().get()))
        .map(X86CpuMap.Vendor::name)
        .findFirst();
  }

  private static boolean hasTsxErratum(int sig) {
    int family = X86HostData.family(sig);
    int model = X86HostData.model(sig);
    int stepping = X86HostData.stepping(sig);
    return family == 6
        && ((model == 63 && stepping < 4) || model == 60 || model == 69 || model == 70);
  }

  /**
   * The candidate's feature list: host-only features required, model-only features and QEMU's
   * blockers (unless the host adds them over the model) disabled, each group in map order, then
   * the model's removed features not yet listed, disabled.
   */
  private List<CpuFeature> featureList(Set<String> host, X86CpuMap.Model model,
      List<String> blockers) {
    Set<String> require = new HashSet<>(host);
    require.removeAll(model.features());
    Set<String> disable = new HashSet<>(model.features());
    disable.removeAll(host);
    for (String qemuName : blockers) {
      String b = X86HostData.libvirtName(qemuName);
      if (map.feature(b).isPresent() && !require.contains(b)) {
        disable.add(b);
      }
    }
    List<CpuFeature> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (X86CpuMap.Feature f : map.features()) {
      if (require.contains(f.name())) {
        out.add(CpuFeature.of(CpuFeaturePolicy.REQUIRE, f.name()));
        listed.add(f.name());
      }
    }
    for (X86CpuMap.Feature f : map.features()) {
      if (disable.contains(f.name())) {
        out.add(CpuFeature.of(CpuFeaturePolicy.DISABLE, f.name()));
        listed.add(f.name());
      }
    }
    for (String r : model.removed()) {
      if (listed.add(r)) {
        out.add(CpuFeature.of(CpuFeaturePolicy.DISABLE, r));
      }
    }
    return out;
  }

  /** libvirt's x86ModelCompare scoring, kept literally including its shrinking loop bound. */
  private record Score(int score, int penalty) {
    static Score of(List<CpuFeature> features) {
      int limit = features.size();
      int penalty = 0;
      int step = 2;
      for (int i = 0; i < limit; i++) {
        if (features.get(i).knownPolicy().orElse(null) == CpuFeaturePolicy.DISABLE) {
          limit--;
          penalty += step;
          step++;
        }
      }
      return new Score(limit + penalty, penalty);
    }
  }
}

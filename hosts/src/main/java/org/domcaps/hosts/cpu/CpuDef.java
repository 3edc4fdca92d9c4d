// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of libvirt's CPU definition (virCPUDef) that baseline and compare read or print: a
 * host CPU ({@code <capabilities><host><cpu>}, with {@code <arch>}) or a guest CPU (domain XML,
 * a domain capabilities host-model, a bare {@code <cpu>}).
 *
 * @param match {@code exact}, {@code minimum} or {@code strict}; guest CPUs only
 * @param features in document order; a host CPU's features carry {@link Policy#REQUIRE}
 */
public record CpuDef(
    Type type,
    Mode mode,
    Match match,
    Optional<String> arch,
    Optional<String> model,
    Fallback fallback,
    Optional<String> vendorId,
    Optional<String> vendor,
    List<Feature> features) {
  public enum Type { HOST, GUEST }

  /** libvirt's CPU modes, by their XML names. */
  public enum Mode {
    CUSTOM("custom"), HOST_MODEL("host-model"), HOST_PASSTHROUGH("host-passthrough"),
    MAXIMUM("maximum");

    final String xml;

    Mode(String xml) {
      this.xml = xml;
    }
  }

  public enum Match { EXACT, MINIMUM, STRICT }

  public enum Fallback { ALLOW, FORBID }

  /** Feature policies in libvirt's order (virCPUFeaturePolicy). */
  public enum Policy {
    FORCE, REQUIRE, OPTIONAL, DISABLE, FORBID;

    String xml() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Feature(String name, Policy policy) {
    public Feature {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
    }
  }

  public CpuDef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(vendor, "vendor");
    features = List.copyOf(features);
  }

  /** A guest CPU {@code <cpu mode='custom' match='exact'>} with this model and no features. */
  public static CpuDef guest(String model, Optional<String> vendor, List<Feature> features) {
    return new CpuDef(Type.GUEST, Mode.CUSTOM, Match.EXACT, Optional.empty(), Optional.of(model),
        Fallback.ALLOW, Optional.empty(), vendor, features);
  }

  public CpuDef withFallback(Fallback f) {
    return new CpuDef(type, mode, match, arch, model, f, vendorId, vendor, features);
  }

  public CpuDef withVendor(Optional<String> v) {
    return new CpuDef(type, mode, match, arch, model, fallback, vendorId, v, features);
  }

  public CpuDef withFeatures(List<Feature> f) {
    return new CpuDef(type, mode, match, arch, model, fallback, vendorId, vendor, f);
  }

  /**
   * libvirt's virCPUDefUpdateFeature over a list: an existing feature takes the new policy, a new
   * one is appended.
   */
  static List<Feature> updated(List<Feature> features, String name, Policy policy) {
    List<Feature> out = new ArrayList<>(features);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).name().equals(name)) {
        out.set(i, new Feature(name, policy));
        return out;
      }
    }
    out.add(new Feature(name, policy));
    return out;
  }
}

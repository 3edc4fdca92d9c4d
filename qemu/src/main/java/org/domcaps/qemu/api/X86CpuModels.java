// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.cpu.map.X86CpuMap;

/**
 * libvirt's x86 CPU map ({@code src/cpu_map/x86_*.xml}) as a release ships it: vendors, features
 * and CPU models with their feature sets, for tools that compute as libvirt's CPU driver does
 * (hypervisor-cpu-baseline / -compare, node labels, the check's CPU rules). Features are names:
 * every feature is one CPUID/MSR bit and no two share one, so sets of names behave like libvirt's
 * bit arithmetic.
 *
 * <p>Immutable and thread-safe; each release's map is loaded once, on first use.
 */
public final class X86CpuModels {
  private static final Map<LibvirtVersion, X86CpuModels> LOADED = new ConcurrentHashMap<>();

  /** A CPU vendor and its 12-character CPUID leaf 0 string. */
  public record Vendor(String name, String cpuidString) {}

  /** A feature; {@code msr} when it lives in an MSR rather than a CPUID leaf. */
  public record Feature(String name, boolean msr, boolean migratable) {}

  /**
   * A CPU model definition.
   *
   * @param vendor the vendor it belongs to, empty for the generic models
   * @param decodeHost whether libvirt may pick it when naming a host CPU
   * @param decodeGuest whether libvirt may pick it when naming a guest CPU
   * @param features its features, in map order
   * @param removed features later releases dropped from it (its "removed" list)
   * @param compatCheck whether libvirt checks a guest CPU of this model by comparing it with the
   *     map ({@code <check partial='compat'/>}, libvirt 10.x on) rather than by QEMU's blockers
   *     when QEMU finds the model unusable; always false for libvirt 9.0
   */
  public record Model(String name, Optional<String> vendor, boolean decodeHost,
      boolean decodeGuest, Set<String> features, List<String> removed, boolean compatCheck) {
    public Model {
      features = Collections.unmodifiableSet(new LinkedHashSet<>(features));
      removed = List.copyOf(removed);
    }
  }

  private final X86CpuMap map;
  private final List<Vendor> vendors;
  private final List<Feature> features;
  private final Map<String, Feature> featuresByName;
  private final List<Model> models;
  private final Map<String, Model> modelsByName;

  private X86CpuModels(X86CpuMap map) {
    this.map = map;
    this.vendors = map.vendors().stream().map(v -> new Vendor(v.name(), v.cpuidString())).toList();
    Map<String, Feature> fs = new LinkedHashMap<>();
    for (X86CpuMap.Feature f : map.features()) {
      fs.put(f.name(), new Feature(f.name(), f.msr(), f.migratable()));
    }
    this.features = List.copyOf(fs.values());
    this.featuresByName = Collections.unmodifiableMap(fs);
    Map<String, Model> ms = new LinkedHashMap<>();
    for (X86CpuMap.Model m : map.models()) {
      ms.put(m.name(), new Model(m.name(), m.vendor(), m.decodeHost(), m.decodeGuest(),
          m.features(), m.removed(), m.compatCheck()));
    }
    this.models = List.copyOf(ms.values());
    this.modelsByName = Collections.unmodifiableMap(ms);
  }

  /** libvirt 9.0.0's map. */
  public static X86CpuModels get() {
    return get(LibvirtVersion.V9_0);
  }

  /** The map libvirt {@code release} ships. */
  public static X86CpuModels get(LibvirtVersion release) {
    return LOADED.computeIfAbsent(release, v -> new X86CpuModels(X86CpuMap.get(v)));
  }

  /** virCPUx86GetCanonicalModel: the model that only renames {@code name}, if any. */
  public Optional<String> canonicalName(String name) {
    return map.canonicalName(name);
  }

  /** Vendors in map order. */
  public List<Vendor> vendors() {
    return vendors;
  }

  /** Features in map order. */
  public List<Feature> features() {
    return features;
  }

  public Optional<Feature> feature(String name) {
    return Optional.ofNullable(featuresByName.get(name));
  }

  /** Models in map order (libvirt's candidate order). */
  public List<Model> models() {
    return models;
  }

  public Optional<Model> model(String name) {
    return Optional.ofNullable(modelsByName.get(name));
  }
}

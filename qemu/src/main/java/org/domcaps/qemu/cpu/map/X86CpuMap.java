// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu.map;

import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.LibvirtVersion;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt 9.0.0's x86 CPU map (vendors, features, models) as shipped in the generated resource
 * {@code x86-cpu-map.txt}. Order is meaningful: feature order is libvirt's output order, model
 * order is its candidate order. Loaded once, on first use.
 *
 * <p>Features are names: in this data every feature is a single CPUID/MSR bit and no two share a
 * bit (the generator checks it), so sets of names behave exactly like libvirt's bit arithmetic.
 */
public final class X86CpuMap {
  /** A CPU vendor and its 12-character CPUID leaf 0 string. */
  public record Vendor(String name, String cpuidString) {}

  /** A feature; {@code msr} when it lives in an MSR rather than a CPUID leaf. */
  public record Feature(String name, boolean msr, boolean migratable) {}

  /** A family/model signature, with the allowed steppings (empty set = any stepping). */
  public record Signature(int family, int model, BitSet steppings) {
    public Signature {
      steppings = (BitSet) steppings.clone();
    }

    public boolean matches(int family, int model, int stepping) {
      return this.family == family
          && this.model == model
          && (steppings.isEmpty() || steppings.get(stepping));
    }
  }

  /**
   * A CPU model definition.
   *
   * @param compatCheck the map's {@code <check partial='compat'/>} (libvirt 10.x on): a partial
   *     check of a guest CPU of this model compares it with the CPU map rather than by QEMU's
   *     blockers
   */
  public record Model(
      String name,
      Optional<String> vendor,
      boolean decodeHost,
      boolean decodeGuest,
      List<Signature> signatures,
      Set<String> features,
      List<String> removed,
      boolean compatCheck) {
    public Model {
      signatures = List.copyOf(signatures);
      features = Collections.unmodifiableSet(new LinkedHashSet<>(features));
      removed = List.copyOf(removed);
    }

    public boolean signatureMatches(int family, int model, int stepping) {
      return signatures.stream().anyMatch(s -> s.matches(family, model, stepping));
    }
  }


  private final List<Vendor> vendors;
  private final List<Feature> features;
  private final Map<String, Feature> featuresByName;
  private final List<Model> models;
  private final Map<String, Model> modelsByName;
  /**
   * model → the versioned model that only renames it (libvirt 10.x on: Broadwell → Broadwell-v1).
   */
  private final Map<String, String> canonicalNames;

  private X86CpuMap(List<CpuMapText.Line> lines) {
    List<Vendor> vs = new ArrayList<>();
    Map<String, Feature> fs = new LinkedHashMap<>();
    Map<String, Model> ms = new LinkedHashMap<>();
    ModelParts cur = null;
    Map<String, String> canon = new LinkedHashMap<>();
    for (CpuMapText.Line l : lines) {
      switch (l.word(0)) {
        case "canonical-of" -> {
          if (cur == null || !ms.containsKey(l.word(1))) {
            throw l.error("canonical-of names no earlier model");
          }
          canon.put(l.word(1), cur.name);
        }
        case "vendor" -> vs.add(new Vendor(l.word(1), l.word(2)));
        case "feature" -> {
          String kind = l.word(2);
          if (!kind.equals("cpuid") && !kind.equals("msr")) {
            throw l.error("expected cpuid or msr");
          }
          fs.put(l.word(1),
              new Feature(l.word(1), kind.equals("msr"), !l.words().contains("nonmigratable")));
        }
        case "model" -> {
          if (cur != null) {
            ms.put(cur.name, cur.build());
          }
          cur = new ModelParts(l);
        }
        case "sig", "features", "removed", "added", "check" -> {
          if (cur == null) {
            throw l.error("outside a model");
          }
          cur.add(l, fs);
        }
        default -> throw l.error("unknown record type");
      }
    }
    if (cur != null) {
      ms.put(cur.name, cur.build());
    }
    this.vendors = List.copyOf(vs);
    this.features = List.copyOf(fs.values());
    this.featuresByName = Collections.unmodifiableMap(fs);
    this.models = List.copyOf(ms.values());
    this.modelsByName = Collections.unmodifiableMap(ms);
    this.canonicalNames = Map.copyOf(canon);
  }

  private static final Map<LibvirtVersion, X86CpuMap> MAPS = new ConcurrentHashMap<>();

  /** libvirt 9.0.0's map, loaded on first call. */
  public static X86CpuMap get() {
    return get(LibvirtVersion.V9_0);
  }

  /** The map the release ships, loaded on first call. */
  public static X86CpuMap get(LibvirtVersion libvirt) {
    return MAPS.computeIfAbsent(libvirt,
        v -> new X86CpuMap(CpuMapText.read(CpuMapText.resource(v, "x86-cpu-map.txt"))));
  }

  /** virCPUx86GetCanonicalModel: the model that only renames {@code name}, if any. */
  public Optional<String> canonicalName(String name) {
    return Optional.ofNullable(canonicalNames.get(name));
  }

  public List<Vendor> vendors() {
    return vendors;
  }

  /** Features in libvirt's map order. */
  public List<Feature> features() {
    return features;
  }

  public Optional<Feature> feature(String name) {
    return Optional.ofNullable(featuresByName.get(name));
  }

  /** Models in libvirt's map order. */
  public List<Model> models() {
    return models;
  }

  public Optional<Model> model(String name) {
    return Optional.ofNullable(modelsByName.get(name));
  }

  private static final class ModelParts {
    final String name;
    final Optional<String> vendor;
    final boolean host;
    final boolean guest;
    final List<Signature> sigs = new ArrayList<>();
    final Set<String> features = new LinkedHashSet<>();
    final List<String> removed = new ArrayList<>();
    boolean compatCheck;

    ModelParts(CpuMapText.Line l) {
      name = l.word(1);
      vendor = l.word(2).equals("-") ? Optional.empty() : Optional.of(l.word(2));
      host = onOff(l, l.word(3));
      guest = onOff(l, l.word(4));
    }

    void add(CpuMapText.Line l, Map<String, Feature> known) {
      List<String> rest = l.words().subList(1, l.words().size());
      switch (l.word(0)) {
        case "sig" -> sigs.add(new Signature(
            CpuMapText.decimal(l, l.word(1)), CpuMapText.decimal(l, l.word(2)),
            steppings(l, rest.size() > 2 ? rest.get(2) : "")));
        case "features" -> features.addAll(checked(l, rest, known));
        // Features added to a model later: libvirt uses them only in its compatibility check,
        // which domain capabilities never run; they are not part of the model's data.
        case "added" -> checked(l, rest, known);
        case "check" -> {
          if (!rest.equals(List.of("compat"))) {
            throw l.error("expected \"check compat\"");
          }
          compatCheck = true;
        }
        default -> removed.addAll(checked(l, rest, known));
      }
    }

    Model build() {
      return new Model(name, vendor, host, guest, sigs, features, removed, compatCheck);
    }

    private static List<String> checked(CpuMapText.Line l, List<String> names,
        Map<String, Feature> known) {
      for (String n : names) {
        if (!known.containsKey(n)) {
          throw l.error("unknown feature " + n);
        }
      }
      return names;
    }

    private static boolean onOff(CpuMapText.Line l, String w) {
      return switch (w) {
        case "on" -> true;
        case "off" -> false;
        default -> throw l.error("expected on or off, got \"" + w + "\"");
      };
    }

    /** "a-b,c" as libvirt's stepping bitmap over 0-15. */
    private static BitSet steppings(CpuMapText.Line l, String spec) {
      BitSet b = new BitSet(16);
      if (spec.isEmpty()) {
        return b;
      }
      for (String part : spec.split(",")) {
        String[] ends = part.split("-", 2);
        int lo = CpuMapText.decimal(l, ends[0]);
        int hi = ends.length == 2 ? CpuMapText.decimal(l, ends[1]) : lo;
        if (lo < 0 || hi > 15 || lo > hi) {
          throw l.error("stepping range \"" + part + "\" outside 0-15");
        }
        b.set(lo, hi + 1);
      }
      return b;
    }
  }
}

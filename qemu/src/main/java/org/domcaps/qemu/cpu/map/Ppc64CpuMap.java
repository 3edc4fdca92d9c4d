// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu.map;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.LibvirtVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libvirt 9.0.0's ppc64 CPU map (generated resource {@code ppc64-cpu-map.txt}): model names in
 * map order, their vendor and the processor version register (PVR) values that identify them.
 */
public final class Ppc64CpuMap {
  /** One PVR match: {@code (pvr & mask) == value}. */
  public record Pvr(long value, long mask) {
    public boolean matches(long pvr) {
      return (pvr & mask) == value;
    }
  }

  /** A model definition. */
  public record Model(String name, Optional<String> vendor, List<Pvr> pvrs) {
    public Model {
      pvrs = List.copyOf(pvrs);
    }
  }


  private final List<String> vendors;
  private final List<Model> models;

  private Ppc64CpuMap(List<CpuMapText.Line> lines) {
    List<String> vs = new ArrayList<>();
    List<Model> ms = new ArrayList<>();
    for (CpuMapText.Line l : lines) {
      switch (l.word(0)) {
        case "vendor" -> vs.add(l.word(1));
        case "model" -> {
          if (!l.word(3).equals("pvr")) {
            throw l.error("expected pvr after the vendor");
          }
          List<Pvr> pvrs = new ArrayList<>();
          for (String w : l.words().subList(4, l.words().size())) {
            String[] vm = w.split("/", 2);
            if (vm.length != 2) {
              throw l.error("PVR \"" + w + "\" is not VALUE/MASK");
            }
            pvrs.add(new Pvr(CpuMapText.hex(l, vm[0]), CpuMapText.hex(l, vm[1])));
          }
          String v = l.word(2);
          ms.add(new Model(l.word(1), v.equals("-") ? Optional.empty() : Optional.of(v), pvrs));
        }
        default -> throw l.error("unknown record type");
      }
    }
    this.vendors = List.copyOf(vs);
    this.models = List.copyOf(ms);
  }

  private static final Map<LibvirtVersion, Ppc64CpuMap> MAPS = new ConcurrentHashMap<>();

  /** The map the release ships, loaded on first call. */
  public static Ppc64CpuMap get(LibvirtVersion libvirt) {
    return MAPS.computeIfAbsent(libvirt,
        v -> new Ppc64CpuMap(CpuMapText.read(CpuMapText.resource(v, "ppc64-cpu-map.txt"))));
  }

  private static final class Holder {
    static final Ppc64CpuMap INSTANCE = get(LibvirtVersion.V9_0);
  }

  /** The shipped map, loaded on first call. */
  public static Ppc64CpuMap get() {
    return Holder.INSTANCE;
  }

  public List<String> vendors() {
    return vendors;
  }

  /** Models in map order. */
  public List<Model> models() {
    return models;
  }

  public Optional<Model> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** libvirt's spelling of a QEMU model name that equals a map model ignoring case. */
  public Optional<String> canonicalName(String qemuName) {
    return models.stream().map(Model::name).filter(n -> n.equalsIgnoreCase(qemuName)).findFirst();
  }

  /** The first map model whose PVR entries match (libvirt takes the first in map order). */
  public Optional<Model> modelForPvr(long pvr) {
    return models.stream().filter(m -> m.pvrs().stream().anyMatch(p -> p.matches(pvr))).findFirst();
  }
}

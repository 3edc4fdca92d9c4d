// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.domcaps.model.Usable;
import org.domcaps.qemu.build.VirtType;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.CpuFeatureNames;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * What one emulator binary reports about itself, as libvirt's probe recorded it (the content of
 * its capability-cache entry), for the questions tools ask beside the domain capabilities:
 * version, virt types, machine types, libvirt's capability flags, CPU models and the host-CPU
 * expansion. CPU feature names are in libvirt's spelling (of the release whose probe this is).
 *
 * <p>Immutable and thread-safe. Obtained from {@link Emulators#caps} or {@link
 * Resolution#emulatorCaps}.
 */
public final class EmulatorCaps {
  private final QemuCaps caps;

  /**
   * A CPU model QEMU offers, with the features that keep it from running on this host.
   *
   * @param usable QEMU's verdict: yes when it reported no blocker, no when it reported some,
   *     unknown when it reported none at all (no {@code unavailable-features})
   */
  public record CpuModel(String name, Usable usable, List<String> blockers) {
    public CpuModel {
      blockers = List.copyOf(blockers);
    }
  }

  /**
   * One property of QEMU's expansion of its host (or max) CPU.
   *
   * @param name the feature name in libvirt's spelling
   * @param enabled a boolean property whose value is true
   * @param migratable QEMU's migratability of the property, empty when it reported none
   */
  public record HostCpuProperty(String name, boolean enabled, Optional<Boolean> migratable) {}

  /**
   * QEMU's expansion of the host CPU for one accelerator.
   *
   * @param migratability whether QEMU reported migratability at all
   */
  public record HostCpu(List<HostCpuProperty> properties, boolean migratability) {
    public HostCpu {
      properties = List.copyOf(properties);
    }
  }

  EmulatorCaps(QemuCaps caps) {
    this.caps = Objects.requireNonNull(caps, "caps");
  }

  QemuCaps qemuCaps() {
    return caps;
  }

  /** The binary, as libvirt names it in {@code <path>}. */
  public String binary() {
    return caps.emulator();
  }

  /** libvirt's name of the arch the binary emulates. */
  public String arch() {
    return caps.arch();
  }

  /** QEMU's version as libvirt stores it: major × 1000000 + minor × 1000 + micro. */
  public long version() {
    return caps.version();
  }

  /**
   * The virt types the binary accepts on this host ({@code qemu}, {@code kvm}, ...), in libvirt's
   * order.
   */
  public List<String> virtTypes() {
    List<String> out = new ArrayList<>();
    for (String v : VirtType.NAMES) {
      if (VirtType.isSupported(caps, v)) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Whether the probe set libvirt's capability flag {@code libvirtFlag} (e.g. {@code vfio-pci}).
   */
  public boolean hasFlag(String libvirtFlag) {
    return caps.has(libvirtFlag);
  }

  /**
   * The machine types per accelerator ({@code kvm}, {@code tcg}, ... as libvirt's cache names
   * them), in QEMU's order; accelerators without machine types are left out.
   */
  public Map<String, List<Emulators.Machine>> machineTypesByAccelerator() {
    Map<String, List<Emulators.Machine>> out = new LinkedHashMap<>();
    for (Accel a : Accel.values()) {
      List<Emulators.Machine> ms = machines(caps.accel(a));
      if (!ms.isEmpty()) {
        out.put(a.xmlName(), ms);
      }
    }
    return out;
  }

  /** The machine types for {@code virtType} ({@code kvm}, or any other for TCG's list). */
  public List<Emulators.Machine> machineTypes(String virtType) {
    return machines(caps.accel(Accel.forVirtType(virtType)));
  }

  /** The CPU models offered for {@code virtType}, in QEMU's order. */
  public List<CpuModel> cpuModels(String virtType) {
    List<CpuModel> out = new ArrayList<>();
    for (CpuDefinition d : caps.accel(Accel.forVirtType(virtType)).cpuDefinitions()) {
      out.add(new CpuModel(d.name(), d.usable().toModel(),
          d.blockers().stream().map(b -> CpuFeatureNames.fromQemu(caps.arch(), b, caps.libvirt()))
          .toList()));
    }
    return out;
  }

  /**
   * QEMU's name of the CPU feature libvirt spells {@code libvirtName} (for a {@code -cpu} option
   * or a QMP property), on this binary's arch.
   */
  public String qemuFeatureName(String libvirtName) {
    return CpuFeatureNames.toQemu(caps.arch(), libvirtName);
  }

  /** QEMU's expansion of the host CPU for {@code virtType}; empty when it gave none. */
  public Optional<HostCpu> hostCpu(String virtType) {
    Optional<HostCpuExpansion> e = caps.accel(Accel.forVirtType(virtType)).hostCpu();
    if (e.isEmpty()) {
      return Optional.empty();
    }
    List<HostCpuProperty> props = new ArrayList<>();
    for (org.domcaps.qemu.caps.HostCpuProperty p : e.get().properties()) {
      boolean enabled = p.type() == org.domcaps.qemu.caps.HostCpuProperty.Type.BOOLEAN
          && p.booleanValue();
      props.add(
          new HostCpuProperty(CpuFeatureNames.fromQemu(caps.arch(), p.name(), caps.libvirt()),
              enabled,
          Optional.ofNullable(p.migratable())));
    }
    return Optional.of(new HostCpu(props, e.get().migratability()));
  }

  private static List<Emulators.Machine> machines(AccelCaps accel) {
    return accel.machines().stream()
        .map(m -> new Emulators.Machine(m.name(), Optional.ofNullable(m.alias()), m.maxCpus(),
            m.isDefault(), m.deprecated()))
        .toList();
  }

  @Override
  public String toString() {
    return "EmulatorCaps[" + caps.emulator() + ", " + caps.arch() + ", " + caps.version() + "]";
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.GicCapability;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HypervCapability;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCapsFlags;
import org.domcaps.qemu.caps.SevCapability;
import org.domcaps.qemu.caps.SgxCapability;

/** What a probe has learnt so far; the probe's working copy of libvirt's virQEMUCaps. */
final class ProbeState {
  /** One accelerator record under construction. */
  static final class AccelRecord {
    HostCpuExpansion hostCpu;
    List<CpuDefinition> cpuDefinitions = List.of();
    final List<MachineType> machines = new ArrayList<>();
  }

  /** The libvirt release whose probe this is. */
  final LibvirtVersion libvirt;
  private final Set<String> flags = new LinkedHashSet<>();
  final Map<Accel, AccelRecord> accels = new EnumMap<>(Accel.class);
  String arch;
  long version;
  String packageName;
  final List<GicCapability> gic = new ArrayList<>();
  SevCapability sev;
  SgxCapability sgx;
  HypervCapability hyperv;

  ProbeState(LibvirtVersion libvirt) {
    this.libvirt = libvirt;
  }

  /** At least libvirt 11.3: the release that asks the schema instead of query-commands, etc. */
  boolean since11() {
    return libvirt.atLeast(LibvirtVersion.V11_3);
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }

  void set(String flag) {
    if (!QemuCapsFlags.isKnown(libvirt, flag)) {
      throw new IllegalStateException("not a libvirt " + libvirt + " capability flag: " + flag);
    }
    flags.add(flag);
  }

  void clear(String flag) {
    flags.remove(flag);
  }

  Set<String> flags() {
    return flags;
  }

  AccelRecord record(Accel a) {
    return accels.computeIfAbsent(a, k -> new AccelRecord());
  }

  /**
   * libvirt's virt type of the first phase, fixed right after {@code query-kvm}: kvm, hvf, qemu
   * (tcg flag known) or none. "none" happens on hosts without KVM because the tcg flag is learnt
   * later; it still counts as accelerated for the host-CPU expansion.
   */
  String virtType() {
    if (has("kvm")) {
      return "kvm";
    }
    if (has("hvf")) {
      return "hvf";
    }
    if (has("tcg")) {
      return "qemu";
    }
    return "none";
  }
}

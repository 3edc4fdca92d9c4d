// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import org.domcaps.qemu.arch.LibvirtArch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cpu.CpuCapabilities.CustomMode;
import org.domcaps.qemu.cpu.CpuCapabilities.HostModelMode;
import org.domcaps.qemu.cpu.CpuCapabilities.HostPassthroughMode;
import org.domcaps.qemu.cpu.CpuCapabilities.MaximumMode;
import org.domcaps.qemu.cpu.CpuCapabilities.Toggle;

/**
 * Computes the {@code <cpu>} element as libvirt 9.0.0 fills it (virQEMUCapsFillDomainCPUCaps).
 * A pure function of its arguments.
 */
public final class CpuCapabilitiesResolver {
  /** s390 machines on which KVM guests can only use host-passthrough. */
  private static final Set<String> S390_PASSTHROUGH_ONLY_MACHINES = Set.of(
      "s390-ccw-virtio-2.4", "s390-ccw-virtio-2.5", "s390-ccw-virtio-2.6", "s390-ccw-virtio-2.7");

  private CpuCapabilitiesResolver() {}

  /**
   * @param caps the emulator's capabilities
   * @param virtType domain virt type ({@code kvm}, {@code qemu}, {@code hvf})
   * @param domainArch the requested guest arch (decides the custom-model filter)
   * @param machine the canonical machine name, or null
   * @param host host facts libvirt reads itself
   */
  public static CpuCapabilities resolve(
      QemuCaps caps, String virtType, String domainArch, String machine, HostCpuFacts host) {
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(virtType, "virtType");
    Objects.requireNonNull(domainArch, "domainArch");
    Objects.requireNonNull(host, "host");
    Accel accel = Accel.forVirtType(virtType);
    boolean accelerated = !virtType.equals("qemu");
    boolean passthroughOnly = CpuArchFamily.of(caps.arch()) == CpuArchFamily.S390
        && virtType.equals("kvm")
        && machine != null
        && S390_PASSTHROUGH_ONLY_MACHINES.contains(machine);

    HostPassthroughMode passthrough = HostPassthroughMode.unsupported();
    if (accelerated && LibvirtArch.guestIsNative(host.arch(), caps.arch())) {
      List<Toggle> values = new ArrayList<>();
      if (caps.has("cpu.migratable")) {
        values.add(Toggle.ON);
      }
      values.add(Toggle.OFF);
      passthrough = new HostPassthroughMode(true, values);
    }

    MaximumMode maximum = MaximumMode.unsupported();
    if (!passthroughOnly && caps.has("cpu-max")) {
      maximum = new MaximumMode(true, List.of(Toggle.ON, Toggle.OFF));
    }

    HostModelMode hostModel = passthroughOnly
        ? HostModelMode.unsupported()
        : new HostModelMode(HostModelResolver.resolve(caps, accel, host));

    AccelCaps record = caps.accel(accel);
    CustomMode custom = new CustomMode(
        passthroughOnly ? List.of() : CustomModels.of(caps, record, domainArch));
    return new CpuCapabilities(passthrough, maximum, hostModel, custom);
  }
}

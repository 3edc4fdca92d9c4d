// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.domcaps.model.Cpu;
import org.domcaps.model.Migratable;
import org.domcaps.model.MigratableMode;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * Computes the {@code <cpu>} element as libvirt fills it (virQEMUCapsFillDomainCPUCaps), as the
 * document model's {@link Cpu}: all four modes, in the form {@code model.xml} writes. A pure
 * function of its arguments.
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
  public static Cpu resolve(
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
    Cpu.Builder cpu = Cpu.builder();

    if (accelerated && LibvirtArch.guestIsNative(host.arch(), caps.arch())) {
      List<Migratable> values = new ArrayList<>();
      if (caps.has("cpu.migratable")) {
        values.add(Migratable.ON);
      }
      values.add(Migratable.OFF);
      cpu.hostPassthrough(MigratableMode.yes(values.toArray(Migratable[]::new)));
    }

    if (!passthroughOnly && caps.has("cpu-max")) {
      cpu.maximum(MigratableMode.yes(Migratable.ON, Migratable.OFF));
    }

    AccelCaps record = caps.accel(accel);
    if (!passthroughOnly) {
      HostModelResolver.resolve(caps, accel, host).ifPresent(cpu::hostModel);
      cpu.customModels(CustomModels.of(caps, record, domainArch));
    }
    return cpu.build();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;
import org.domcaps.qemu.arch.LibvirtArch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts about the machine that libvirt 9.0.0 reads itself (not through QEMU) when it computes
 * the {@code <cpu>} element. {@link LiveHostCpuFacts} reads this host; {@link #injected} gives the
 * values libvirt's test harness substitutes.
 */
public interface HostCpuFacts {
  /**
   * libvirt arch name of the host ({@code driver->hostarch}); decides which emulators are native.
   * libvirt's test suite uses the requested guest arch here.
   */
  String arch();

  /**
   * libvirt's own detection of the host CPU for an emulator arch ({@code virQEMUCapsProbeHostCPU}).
   *
   * @param arch libvirt arch name the CPU is detected for
   * @param qemuModels the accelerator's QEMU model names the result must be one of, or null for
   *     no restriction
   * @return the detected CPU, empty when libvirt's detection fails for that arch
   */
  Optional<HostCpu> detect(String arch, List<String> qemuModels);

  /**
   * The host's physical address size in bits as libvirt 11.3 reads it
   * (virHostCPUGetPhysAddrSize: {@code address sizes} of /proc/cpuinfo on x86), 0 when unknown.
   */
  default int physAddrBits() {
    return 0;
  }

  /**
   * Facts as libvirt's test harness injects them: the host arch equals the guest arch and every
   * detection returns {@code cpu} (the mock ignores arch and model list), or fails when empty.
   */
  static HostCpuFacts injected(String hostArch, Optional<HostCpu> cpu) {
    Objects.requireNonNull(hostArch, "hostArch");
    Objects.requireNonNull(cpu, "cpu");
    return new HostCpuFacts() {
      @Override
      public String arch() {
        return hostArch;
      }

      @Override
      public Optional<HostCpu> detect(String arch, List<String> qemuModels) {
        return cpu;
      }

      @Override
      public int physAddrBits() {
        // domaincapsmock.c: 64 bits, 0 on s390.
        return LibvirtArch.isS390(hostArch) ? 0 : 64;
      }

      @Override
      public String toString() {
        return "injected host " + hostArch + " cpu " + cpu.flatMap(HostCpu::model).orElse("-");
      }
    };
  }

  /**
   * The host CPU libvirt's test suite (tests/testutilshostcpus.h) injects for a guest arch:
   * {@code Broadwell} for x86, {@code POWER8} for ppc64, none for the rest.
   */
  static HostCpuFacts libvirtTestHarness(String guestArch) {
    return injected(guestArch, switch (CpuArchFamily.of(guestArch)) {
      case X86 -> Optional.of(HostCpu.ofModel("Broadwell"));
      case PPC64 -> Optional.of(HostCpu.ofModel("POWER8"));
      default -> Optional.empty();
    });
  }
}

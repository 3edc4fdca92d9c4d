// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.cpu.HostCpuFacts;

/**
 * The {@code <cpu>} element as libvirt's harness produces it: the host is the guest arch, with the
 * fake host CPU it injects per arch family (Broadwell on x86, POWER8 on ppc64, none elsewhere).
 */
final class HarnessCpu {
  private HarnessCpu() {}

  static Optional<Cpu> section(ResolvedRequest request) {
    return Optional.of(CpuSection.of(request, HostCpuFacts.libvirtTestHarness(request.arch())));
  }
}

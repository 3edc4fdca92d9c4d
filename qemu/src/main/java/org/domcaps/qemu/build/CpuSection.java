// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import org.domcaps.model.Cpu;
import org.domcaps.qemu.cpu.CpuCapabilitiesResolver;
import org.domcaps.qemu.cpu.HostCpuFacts;

/** The {@code <cpu>} element: the CPU logic's result for a request, in the document model. */
public final class CpuSection {
  private CpuSection() {}

  /** libvirt's virQEMUCapsFillDomainCPUCaps for the request, with the given host CPU facts. */
  public static Cpu of(ResolvedRequest request, HostCpuFacts host) {
    return CpuCapabilitiesResolver.resolve(
        request.caps(), request.virtType(), request.arch(), request.machine(), host);
  }
}

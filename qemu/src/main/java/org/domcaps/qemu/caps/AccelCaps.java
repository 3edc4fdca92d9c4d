// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.List;
import java.util.Optional;

/**
 * What one accelerator record holds: the host-CPU expansion, the CPU models and the machine
 * types, each in QEMU's order (libvirt moves the default machine first when it probes).
 */
public record AccelCaps(
    Optional<HostCpuExpansion> hostCpu, List<CpuDefinition> cpuDefinitions,
    List<MachineType> machines) {
  public AccelCaps {
    cpuDefinitions = List.copyOf(cpuDefinitions);
    machines = List.copyOf(machines);
  }

  public static AccelCaps empty() {
    return new AccelCaps(Optional.empty(), List.of(), List.of());
  }
}

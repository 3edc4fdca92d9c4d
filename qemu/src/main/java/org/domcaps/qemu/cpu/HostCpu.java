// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.List;
import java.util.Optional;

/**
 * What libvirt's own host-CPU detection ({@code virQEMUCapsProbeHostCPU}) yields: used as the
 * host-model when QEMU provides no expansion (ppc64, x86 without one), and whose mere success
 * libvirt demands before it reports an x86 host-model on an accelerated virt type.
 *
 * @param model libvirt model name; empty when detection succeeded without naming a model
 * @param vendor libvirt vendor name, when known
 * @param features feature names, all with policy {@code require}
 */
public record HostCpu(Optional<String> model, Optional<String> vendor, List<String> features) {
  public HostCpu {
    features = List.copyOf(features);
  }

  /** A detected CPU known only by its model name (libvirt's test harness: Broadwell, POWER8). */
  public static HostCpu ofModel(String model) {
    return new HostCpu(Optional.of(model), Optional.empty(), List.of());
  }
}

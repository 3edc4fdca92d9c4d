// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.List;

/**
 * QEMU's expansion of the host ({@code host}/{@code max}) CPU model for one accelerator (cache
 * element {@code <hostCPU>}).
 *
 * @param model the model name QEMU returned ({@code base}, {@code host}, {@code max}, ...)
 * @param migratability whether the expansion was done with migratability information
 * @param properties properties in the recorded order
 * @param deprecatedProperties QEMU's {@code deprecated-props} (libvirt 11.3 asks when QEMU has
 *     them), in QEMU's order; empty when none were reported
 */
public record HostCpuExpansion(String model, boolean migratability,
    List<HostCpuProperty> properties,
    List<String> deprecatedProperties) {
  public HostCpuExpansion {
    properties = List.copyOf(properties);
    deprecatedProperties = List.copyOf(deprecatedProperties);
  }

  public HostCpuExpansion(String model, boolean migratability, List<HostCpuProperty> properties) {
    this(model, migratability, properties, List.of());
  }

  public HostCpuExpansion withDeprecatedProperties(List<String> names) {
    return new HostCpuExpansion(model, migratability, properties, names);
  }
}

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
 */
public record HostCpuExpansion(String model, boolean migratability, List<HostCpuProperty> properties) {
  public HostCpuExpansion {
    properties = List.copyOf(properties);
  }
}

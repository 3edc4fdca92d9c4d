// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;

/** {@code <feature policy='require' name='x2apic'/>} of the host-model CPU. */
public record CpuFeature(String policy, String name) {
  public CpuFeature {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(name, "name");
  }

  public static CpuFeature require(String name) {
    return new CpuFeature("require", name);
  }

  public static CpuFeature disable(String name) {
    return new CpuFeature("disable", name);
  }
}

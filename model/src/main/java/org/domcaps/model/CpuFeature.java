// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code <feature policy='require' name='x2apic'/>} of the host-model CPU. {@link #policy()} is
 * libvirt's spelling as read or built; {@link #knownPolicy()} is its constant.
 */
public record CpuFeature(String policy, String name) {
  public CpuFeature {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(name, "name");
  }

  /** A feature with a policy of libvirt's closed set. */
  public static CpuFeature of(CpuFeaturePolicy policy, String name) {
    return new CpuFeature(Objects.requireNonNull(policy, "policy").xmlValue(), name);
  }

  public static CpuFeature require(String name) {
    return of(CpuFeaturePolicy.REQUIRE, name);
  }

  public static CpuFeature disable(String name) {
    return of(CpuFeaturePolicy.DISABLE, name);
  }

  /** The policy's constant; empty for a spelling this version has no constant for. */
  public Optional<CpuFeaturePolicy> knownPolicy() {
    return Optional.ofNullable(CpuFeaturePolicy.fromXml(policy));
  }
}

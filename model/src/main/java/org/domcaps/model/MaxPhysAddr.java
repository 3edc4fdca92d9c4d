// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code <maxphysaddr mode='passthrough' [bits='..'] [limit='..']/>} of the host-model CPU
 * (libvirt 9.3 and later): how the guest's physical address width is chosen.
 */
public record MaxPhysAddr(String mode, OptionalInt bits, OptionalInt limit) {
  public MaxPhysAddr {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(bits, "bits");
    Objects.requireNonNull(limit, "limit");
  }

  /** {@code mode} with neither bits nor limit. */
  public static MaxPhysAddr of(String mode) {
    return new MaxPhysAddr(mode, OptionalInt.empty(), OptionalInt.empty());
  }

  public MaxPhysAddr withBits(int bits) {
    return new MaxPhysAddr(mode, OptionalInt.of(bits), limit);
  }

  public MaxPhysAddr withLimit(int limit) {
    return new MaxPhysAddr(mode, bits, OptionalInt.of(limit));
  }
}

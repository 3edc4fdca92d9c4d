// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.util.List;
import java.util.Optional;

/**
 * The host-model CPU libvirt reports: {@code <model fallback=…>}, optional {@code <vendor>} and
 * the ordered {@code <feature policy=… name=…/>} list.
 */
public record HostModel(String model, Fallback fallback, Optional<String> vendor, List<Feature> features,
    Optional<Integer> maxPhysAddrLimit) {
  public HostModel {
    features = List.copyOf(features);
  }

  public HostModel(String model, Fallback fallback, Optional<String> vendor, List<Feature> features) {
    this(model, fallback, vendor, features, Optional.empty());
  }

  /**
   * This model with libvirt 11.3's {@code <maxphysaddr mode='passthrough' limit='N'/>}: the
   * host's physical address size, reported for accelerated guests.
   */
  public HostModel withMaxPhysAddrLimit(int bits) {
    return new HostModel(model, fallback, vendor, features, Optional.of(bits));
  }

  /** Whether libvirt may fall back to a different model. */
  public enum Fallback {
    ALLOW("allow"),
    FORBID("forbid");

    private final String xmlName;

    Fallback(String xmlName) {
      this.xmlName = xmlName;
    }

    public String xmlName() {
      return xmlName;
    }
  }

  /** libvirt's feature policies, in its enum order. */
  public enum Policy {
    FORCE("force"),
    REQUIRE("require"),
    OPTIONAL("optional"),
    DISABLE("disable"),
    FORBID("forbid");

    private final String xmlName;

    Policy(String xmlName) {
      this.xmlName = xmlName;
    }

    public String xmlName() {
      return xmlName;
    }

    public static Policy fromXmlName(String s) {
      for (Policy p : values()) {
        if (p.xmlName.equals(s)) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown CPU feature policy \"" + s + "\"");
    }
  }

  /** One feature line. */
  public record Feature(Policy policy, String name) {}
}

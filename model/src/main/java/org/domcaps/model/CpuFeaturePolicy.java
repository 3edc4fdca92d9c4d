// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/**
 * {@code policy} of a host-model {@code <feature>} (virCPUFeaturePolicy), in libvirt's enum
 * order. libvirt's own host-model uses {@link #REQUIRE} and {@link #DISABLE}; the others appear
 * in guest CPU definitions and are kept so that any document libvirt can print has a constant.
 * {@link CpuFeature} stores libvirt's spelling, so a value this version has no constant for is
 * kept verbatim and {@link CpuFeature#knownPolicy()} is empty for it.
 */
public enum CpuFeaturePolicy {
  FORCE("force"),
  REQUIRE("require"),
  OPTIONAL("optional"),
  DISABLE("disable"),
  FORBID("forbid");

  private final String xmlValue;

  CpuFeaturePolicy(String xmlValue) {
    this.xmlValue = xmlValue;
  }

  /** libvirt's spelling, e.g. {@code require}. */
  public String xmlValue() {
    return xmlValue;
  }

  /**
   * The constant libvirt spells {@code value}; null for anything else (as {@link Usable#fromXml}).
   */
  public static CpuFeaturePolicy fromXml(String value) {
    for (CpuFeaturePolicy p : values()) {
      if (p.xmlValue.equals(value)) {
        return p;
      }
    }
    return null;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;

/**
 * A model of {@code <mode name='custom'>}: {@code <model usable='..' [deprecated='yes']
 * vendor='..'>name</model>}. libvirt prints {@code vendor='unknown'} when it knows no vendor, so a
 * null vendor is stored as "unknown". libvirt 9.0.0 prints no blockers.
 */
public record CpuModel(String name, Usable usable, boolean deprecated, String vendor) {
  public static final String UNKNOWN_VENDOR = "unknown";

  public CpuModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usable, "usable");
    if (vendor == null) {
      vendor = UNKNOWN_VENDOR;
    }
  }

  public static CpuModel of(String name, Usable usable, String vendor) {
    return new CpuModel(name, usable, false, vendor);
  }
}

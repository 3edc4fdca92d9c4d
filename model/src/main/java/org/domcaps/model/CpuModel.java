// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model of {@code <mode name='custom'>}: {@code <model usable='..' [deprecated='yes']
 * vendor='..' [canonical='..']>name</model>}, followed (libvirt 10.9 and later, for unusable
 * models) by {@code <blockers model='name'>} listing the features that block it. libvirt prints
 * {@code vendor='unknown'} when it knows no vendor, so a null vendor is stored as "unknown".
 * {@code canonical} (libvirt 10.10 and later) names the versioned model an alias stands for.
 */
public record CpuModel(
    String name,
    Usable usable,
    boolean deprecated,
    String vendor,
    Optional<String> canonical,
    List<String> blockers) {
  public static final String UNKNOWN_VENDOR = "unknown";

  public CpuModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usable, "usable");
    Objects.requireNonNull(canonical, "canonical");
    blockers = List.copyOf(blockers);
    if (vendor == null) {
      vendor = UNKNOWN_VENDOR;
    }
  }

  /** A model as libvirt 9.0.0 prints it: no canonical name, no blockers. */
  public CpuModel(String name, Usable usable, boolean deprecated, String vendor) {
    this(name, usable, deprecated, vendor, Optional.empty(), List.of());
  }

  public static CpuModel of(String name, Usable usable, String vendor) {
    return new CpuModel(name, usable, false, vendor);
  }

  /** This model with {@code canonical='name'}. */
  public CpuModel withCanonical(String canonicalName) {
    return new CpuModel(name, usable, deprecated, vendor, Optional.of(canonicalName), blockers);
  }

  /** This model with a {@code <blockers>} element listing these features. */
  public CpuModel withBlockers(List<String> features) {
    return new CpuModel(name, usable, deprecated, vendor, canonical, features);
  }
}

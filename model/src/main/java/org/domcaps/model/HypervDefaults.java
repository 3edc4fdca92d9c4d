// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code <hyperv><defaults>} (libvirt 11.9 and later): the values libvirt uses for Hyper-V
 * enlightenments a guest enables without a value, each a child element with text, in libvirt's
 * order. Kept as named entries so that a new default needs no new constructor argument.
 */
public final class HypervDefaults {
  /** The children libvirt prints, in its order. */
  public static final List<String> NAMES =
      List.of("spinlocks", "stimer_direct", "tlbflush_direct", "tlbflush_extended", "vendor_id");

  private final Map<String, String> values;

  private HypervDefaults(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Builds from name → text; names must be among {@link #NAMES}. */
  public static HypervDefaults of(Map<String, String> values) {
    for (String n : values.keySet()) {
      if (!NAMES.contains(n)) {
        throw new IllegalArgumentException("unknown hyperv default <" + n + "> (expected "
            + NAMES + ")");
      }
    }
    values.values().forEach(v -> Objects.requireNonNull(v, "value"));
    return new HypervDefaults(values);
  }

  /** The entries in libvirt's order. */
  public Map<String, String> entries() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : NAMES) {
      if (values.containsKey(n)) {
        out.put(n, values.get(n));
      }
    }
    return out;
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public OptionalInt spinlocks() {
    String v = values.get("spinlocks");
    return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseUnsignedInt(v));
  }

  public Optional<String> vendorId() {
    return value("vendor_id");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HypervDefaults h && h.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "HypervDefaults" + entries();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code <enum name='...'>} with its {@code <value>}s in document order (libvirt's
 * virDomainCapsEnum). A reported enum may be empty: libvirt then prints {@code <enum name='x'/>}.
 * Values are distinct, since libvirt stores them as a bit set.
 */
public record CapsEnum(String name, List<String> values) {
  public CapsEnum {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    String repeated = firstRepeated(values);
    if (repeated != null) {
      throw new IllegalArgumentException("enum '" + name + "' repeats value '" + repeated + "'");
    }
  }

  /**
   * The first value that repeats an earlier one, or null. Linear: a hostile document may hold a
   * hundred thousand values, and a scan of the earlier ones per value would take minutes.
   */
  public static String firstRepeated(List<String> values) {
    if (values.size() < 2) {
      return null;
    }
    Set<String> seen = new HashSet<>(Math.max(16, values.size() * 2));
    for (String v : values) {
      if (!seen.add(v)) {
        return v;
      }
    }
    return null;
  }

  public static CapsEnum of(String name, String... values) {
    return new CapsEnum(name, Arrays.asList(values));
  }

  public static CapsEnum of(String name, List<String> values) {
    return new CapsEnum(name, values);
  }

  public boolean contains(String value) {
    return values.contains(value);
  }
}

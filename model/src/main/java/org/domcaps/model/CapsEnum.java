// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <enum name='...'>} with its {@code <value>}s in document order (libvirt's
 * virDomainCapsEnum). A reported enum may be empty: libvirt then prints {@code <enum name='x'/>}.
 * Values are distinct, since libvirt stores them as a bit set.
 */
public record CapsEnum(String name, List<String> values) {
  public CapsEnum {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    // Enums hold a handful of values: a quadratic scan beats hashing them.
    for (int i = 1; i < values.size(); i++) {
      if (values.subList(0, i).contains(values.get(i))) {
        throw new IllegalArgumentException("enum '" + name + "' repeats a value: " + values);
      }
    }
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

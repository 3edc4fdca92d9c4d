// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared checks and accumulation for ordered lists of {@link CapsEnum}. */
final class Enums {
  private Enums() {}

  static List<CapsEnum> copyDistinct(String owner, List<CapsEnum> enums) {
    List<CapsEnum> copy = List.copyOf(enums);
    Set<String> names = new HashSet<>();
    for (CapsEnum e : copy) {
      if (!names.add(e.name())) {
        throw new IllegalArgumentException(owner + " reports enum '" + e.name() + "' twice");
      }
    }
    return copy;
  }

  static void requireEmptyUnlessYes(String owner, Supported supported, List<?> children) {
    if (supported != Supported.YES && !children.isEmpty()) {
      throw new IllegalArgumentException(
          owner + " with supported=" + supported + " cannot carry details " + children);
    }
  }

  /** Accumulates enums by name in first-use order, values in insertion order, no duplicates. */
  static final class Accumulator {
    private final Map<String, List<String>> enums = new LinkedHashMap<>();

    void declare(String name) {
      enums.computeIfAbsent(name, n -> new ArrayList<>());
    }

    void add(String name, String value) {
      List<String> values = enums.computeIfAbsent(name, n -> new ArrayList<>());
      if (!values.contains(value)) {
        values.add(value);
      }
    }

    List<CapsEnum> build() {
      List<CapsEnum> out = new ArrayList<>();
      enums.forEach((n, v) -> out.add(new CapsEnum(n, v)));
      return out;
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shared checks for ordered lists of {@link CapsEnum}. */
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
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Puts items into libvirt's printing order for their names. An item whose name the order does
 * not list (a newer libvirt's) stays right after the listed item it followed, so a document keeps
 * its own order for what is unknown.
 */
final class ListOrder {
  private ListOrder() {}

  static List<String> sorted(List<String> names, List<String> order) {
    return sorted(names, Function.identity(), order);
  }

  static <T> List<T> sorted(List<T> items, Function<T, String> name, List<String> order) {
    int n = items.size();
    if (n < 2) {
      return items;
    }
    // Rank listed names by the order; an unlisted one ranks with its predecessor (stable sort).
    long[] rank = new long[n];
    long previous = -1;
    boolean inOrder = true;
    for (int i = 0; i < n; i++) {
      int k = order.indexOf(name.apply(items.get(i)));
      rank[i] = k < 0 ? previous : k;
      if (k >= 0) {
        inOrder &= rank[i] >= previous;
        previous = rank[i];
      }
    }
    if (inOrder) {
      return items;
    }
    List<Integer> idx = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingLong(i -> rank[i]));
    List<T> out = new ArrayList<>(n);
    idx.forEach(i -> out.add(items.get(i)));
    return out;
  }
}

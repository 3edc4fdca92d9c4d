// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a document held that the model does not know (elements and attributes of a libvirt
 * newer than this model), each kept with its place so that writers put it back where it was. The
 * positions are paths of known elements: a caller that removes or reorders known content through
 * a builder keeps the parts anchored to those paths. Immutable.
 */
public final class UnknownContent {
  private static final UnknownContent NONE = new UnknownContent(List.of());

  private final List<UnknownPart> parts;
  private final Map<String, List<UnknownPart>> byOwner;

  private UnknownContent(List<UnknownPart> parts) {
    this.parts = List.copyOf(parts);
    Map<String, List<UnknownPart>> m = new HashMap<>();
    for (UnknownPart p : this.parts) {
      m.computeIfAbsent(p.owner(), k -> new ArrayList<>()).add(p);
    }
    this.byOwner = m;
  }

  public static UnknownContent none() {
    return NONE;
  }

  public static UnknownContent of(List<UnknownPart> parts) {
    return parts.isEmpty() ? NONE : new UnknownContent(parts);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Every part, in document order. */
  public List<UnknownPart> parts() {
    return parts;
  }

  /** The parts inside the known element at {@code owner}, in document order. */
  public List<UnknownPart> in(String owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownContent u && u.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return "UnknownContent" + parts;
  }
}

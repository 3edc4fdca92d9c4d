// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An element the model does not know, kept whole: its name, attributes in document order, and
 * either text or child elements (libvirt never mixes them). Written back as libvirt would format
 * it (two-space indent, single quotes, {@code <x/>} when empty). Immutable.
 */
public record XmlNode(
    String name, List<Map.Entry<String, String>> attributes, String text, List<XmlNode> children) {
  public XmlNode {
    Objects.requireNonNull(name, "name");
    attributes = attributes.stream().map(a -> Map.entry(a.getKey(), a.getValue())).toList();
    Objects.requireNonNull(text, "text");
    children = List.copyOf(children);
    if (!text.isEmpty() && !children.isEmpty()) {
      throw new IllegalArgumentException("<" + name + "> cannot hold both text and elements");
    }
  }

  /** The value of attribute {@code attr}, or null. */
  public String attribute(String attr) {
    for (Map.Entry<String, String> a : attributes) {
      if (a.getKey().equals(attr)) {
        return a.getValue();
      }
    }
    return null;
  }
}

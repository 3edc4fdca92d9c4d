// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;

/**
 * One element or attribute of a document that the model does not know, kept in its place: inside
 * the known element at {@code owner} (a path of steps such as {@code
 * /domainCapabilities/devices/disk/enum[@name='bus']}), right after the known child or attribute
 * named by {@code after} (a step, or an attribute name; empty: first).
 *
 * <p>Exactly one of {@link #element()} and {@link #attributeName()} is set.
 */
public record UnknownPart(
    String owner, String after, XmlNode element, String attributeName, String attributeValue) {
  public UnknownPart {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(after, "after");
    if ((element == null) == (attributeName == null)) {
      throw new IllegalArgumentException("an unknown part is an element or an attribute");
    }
    if (attributeName != null) {
      Objects.requireNonNull(attributeValue, "attributeValue");
    }
  }

  public static UnknownPart element(String owner, String after, XmlNode element) {
    return new UnknownPart(owner, after, element, null, null);
  }

  public static UnknownPart attribute(String owner, String after, String name, String value) {
    return new UnknownPart(owner, after, null, name, value);
  }

  public boolean isAttribute() {
    return attributeName != null;
  }

  /** Where it is, for messages: {@code owner/name} or {@code owner@name}. */
  public String where() {
    return isAttribute() ? owner + "@" + attributeName : owner + "/" + element.name();
  }
}

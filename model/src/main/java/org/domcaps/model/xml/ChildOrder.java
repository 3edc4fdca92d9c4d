// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;

/**
 * Checks that children come at most once each and in libvirt's order, as the schema's sequences
 * require (devices, features, cpu modes).
 */
final class ChildOrder {
  private final List<String> order;
  private final String noun;
  private final boolean[] seen;
  private int last = -1;

  /** {@code order}: libvirt's printing order; {@code noun}: what the children are, for messages. */
  ChildOrder(List<String> order, String noun) {
    this.order = order;
    this.noun = noun;
    this.seen = new boolean[order.size()];
  }

  /** True when {@code name} is one of the known children; throws when repeated or out of order. */
  boolean accept(XmlCursor c, String name, String attribute)
      throws DomainCapabilitiesParseException {
    int i = order.indexOf(name);
    if (i < 0) {
      return false;
    }
    if (seen[i]) {
      throw fail(c, attribute, noun + " " + XmlCursor.quote(name) + " appears twice");
    }
    if (i < last) {
      throw fail(c, attribute, noun + " " + XmlCursor.quote(name) + " must come before "
          + XmlCursor.quote(order.get(last)) + " (libvirt's order: " + String.join(", ", order)
          + ")");
    }
    seen[i] = true;
    last = i;
    return true;
  }

  private static DomainCapabilitiesParseException fail(XmlCursor c, String attribute, String m) {
    return attribute == null ? c.error(m) : c.attributeError(attribute, m);
  }
}

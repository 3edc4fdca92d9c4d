// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.ArrayList;
import java.util.List;
import org.domcaps.domain.Element;

/** Collects the findings of one rule run; rules report through it. */
public final class Findings {
  private final List<Finding> list = new ArrayList<>();
  private String rule = "";

  /** Names the rule whose findings follow. */
  public void rule(String name) {
    rule = name;
  }

  public void error(Element at, String value, List<String> allowed, String message) {
    add(Severity.ERROR, at, value, allowed, message);
  }

  public void error(Element at, String value, String message) {
    add(Severity.ERROR, at, value, List.of(), message);
  }

  /** Not reported, cannot tell. */
  public void unknown(Element at, String value, String message) {
    add(Severity.WARNING, at, value, List.of(), message);
  }

  /** An error when the fact is known false, a warning when unknown, nothing when true. */
  public void unless(Tri fact, Element at, String value, String message) {
    if (fact == Tri.NO) {
      error(at, value, message);
    } else if (fact == Tri.UNKNOWN) {
      unknown(at, value, "not reported, cannot tell: " + message);
    }
  }

  private void add(Severity s, Element at, String value, List<String> allowed, String message) {
    list.add(new Finding(s, rule, at.path(), at.line(), at.column(), context(at),
        value == null ? "" : value, allowed, message));
  }

  /**
   * The element with the ancestors that say what it belongs to: {@code <video><model
   * type='qxl'>} (the {@code <domain>} and {@code <devices>} levels left out).
   */
  static String context(Element at) {
    StringBuilder s = new StringBuilder(at.tag());
    for (Element p = at.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
      if (p.name().equals("domain") || p.name().equals("devices")) {
        break;
      }
      s.insert(0, "<" + p.name() + ">");
    }
    return s.toString();
  }

  public List<Finding> list() {
    return List.copyOf(list);
  }

}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * The document must answer the definition's own request: the same arch and virt type (a document
 * for another one tells nothing about this guest), and the same machine where both name one (an
 * alias such as {@code q35} in the definition cannot be compared offline: a warning).
 */
public final class RequestMatchRule implements Rule {
  @Override
  public String name() {
    return "request-match";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    Element root = def.root();
    def.type().filter(v -> !v.equals(t.caps().domain())).ifPresent(v ->
        out.error(root, v, "domain type '" + v + "' but the capabilities are for '"
            + t.caps().domain() + "' (" + t.describe() + ")"));
    def.os().typeElement().ifPresent(type -> {
      type.attr("arch").filter(a -> !a.equals(t.caps().arch())).ifPresent(a ->
          out.error(type, a, "arch '" + a + "' but the capabilities are for '"
              + t.caps().arch() + "' (" + t.describe() + ")"));
      type.attr("machine").ifPresent(mach -> t.caps().machine()
          .filter(cm -> !cm.equals(mach)).ifPresent(cm ->
              out.unknown(type, mach, "machine '" + mach + "' but the capabilities are for '"
                  + cm + "'; if it is an alias of another machine, the findings may not apply")));
    });
  }
}

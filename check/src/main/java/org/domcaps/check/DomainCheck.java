// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.ArrayList;
import java.util.List;
import org.domcaps.check.rules.Rules;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.model.DomainCapabilities;

/**
 * Will this domain start here? Checks a definition against one or more hosts' capabilities and
 * returns every finding at once. With several targets, a definition passes only where every one
 * allows it (a migration check): each finding names the host it is about.
 */
public final class DomainCheck {
  private DomainCheck() {}

  /** Against saved documents alone: what the documents cannot tell becomes a warning. */
  public static List<Finding> check(DomainDefinition definition, DomainCapabilities... caps) {
    List<Target> targets = new ArrayList<>();
    for (DomainCapabilities c : caps) {
      targets.add(Target.offline(c));
    }
    return check(definition, targets);
  }

  /** Against targets that may carry live probe facts. */
  public static List<Finding> check(DomainDefinition definition, List<Target> targets) {
    List<Finding> out = new ArrayList<>();
    for (Target t : targets) {
      Findings f = new Findings();
      for (Rule r : Rules.all()) {
        f.rule(r.name());
        r.check(definition, t, f);
      }
      out.addAll(f.list());
    }
    return out;
  }

  /** True when some finding refuses the definition. */
  public static boolean refused(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::isError);
  }
}

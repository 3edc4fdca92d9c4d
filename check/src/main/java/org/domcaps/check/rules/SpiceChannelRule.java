// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check.rules;

import org.domcaps.check.Findings;
import org.domcaps.check.Rule;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.Element;

/**
 * A spicevmc character device (channel, redirdev, smartcard) needs SPICE graphics in the same
 * domain (qemuValidateDomainChrSourceDef... "chardev 'spicevmc' not supported without spice
 * graphics").
 */
public final class SpiceChannelRule implements Rule {
  @Override
  public String name() {
    return "spicevmc-needs-spice";
  }

  @Override
  public void check(DomainDefinition def, Target t, Findings out) {
    if (Ctx.hasSpiceGraphics(def)) {
      return;
    }
    for (Element d : def.devices()) {
      if ("spicevmc".equals(d.attrOrNull("type")) && (d.name().equals("channel")
          || d.name().equals("redirdev") || d.name().equals("smartcard"))) {
        out.error(d, "spicevmc", "spicevmc needs <graphics type='spice'>, which the definition "
            + "lacks");
      }
    }
  }
}

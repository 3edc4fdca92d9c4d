// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.util.HashMap;
import java.util.Map;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;

/**
 * This host's answer for each definition's own request ({@code <domain type>} → virttype,
 * {@code <os><type arch machine>}, {@code <emulator>}), resolved as libvirt resolves a
 * domcapabilities request, with the probe's facts for the live rules. Definitions asking the
 * same thing share one answer.
 */
final class HostTargets {
  private final Options options;
  private final Map<String, Target> known = new HashMap<>();

  HostTargets(Options options) {
    this.options = options;
  }

  static DomCapsRequest requestOf(DomainDefinition def) {
    return DomCapsRequest.of(def.emulator().map(e -> e.text()).filter(s -> !s.isEmpty())
        .orElse(null), def.os().arch().orElse(null), def.os().machine().orElse(null),
        def.type().orElse(null));
  }

  Target target(DomainDefinition def) throws DomCapsException {
    DomCapsRequest request = requestOf(def);
    String key = request.toString();
    Target t = known.get(key);
    if (t == null) {
      Resolution resolved = DomCaps.resolve(request, options);
      DomainCapabilities caps = DomCaps.fill(resolved, options);
      t = new Target(caps, new LiveProbeFacts(resolved, options));
      known.put(key, t);
    }
    return t;
  }
}

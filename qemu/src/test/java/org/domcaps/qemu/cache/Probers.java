// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import org.domcaps.qemu.api.CapsLookup;
import org.domcaps.qemu.api.DomCapsException;

/** The cache tests' probers: an API lookup (live or scripted) as the cache's {@link Prober}. */
final class Probers {
  private Probers() {}

  /** Refusals keep libvirt's code and text, and the lookup's own exception as their cause. */
  static Prober of(CapsLookup lookup) {
    return binary -> {
      try {
        return lookup.lookup(binary);
      } catch (DomCapsException e) {
        throw new Refusal(e.code().name(), e.getMessage().substring(e.code().prefix().length()),
            e);
      }
    };
  }
}

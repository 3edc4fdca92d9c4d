// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.Refusal;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * A {@link CapsLookup} through the capability cache: the cache speaks {@link Refusal} (it must
 * not depend on this package), the API {@link DomCapsException}; this is where they meet.
 */
final class CachedLookup implements CapsLookup {
  private final CapsCache cache;

  CachedLookup(CapsCache cache) {
    this.cache = cache;
  }

  CapsCache cache() {
    return cache;
  }

  @Override
  public QemuCaps lookup(String binary) throws DomCapsException {
    try {
      return cache.lookup(binary);
    } catch (Refusal r) {
      throw refusal(r);
    }
  }

  /** The API's exception for a refusal: the prober's own when it raised it, else rebuilt. */
  static DomCapsException refusal(Refusal r) {
    if (r.getCause() instanceof DomCapsException d) {
      return d;
    }
    DomCapsException.Code code;
    try {
      code = DomCapsException.Code.valueOf(r.code());
    } catch (IllegalArgumentException e) {
      code = DomCapsException.Code.INTERNAL_ERROR;
    }
    return r.getCause() == null ? new DomCapsException(code, r.text())
        : new DomCapsException(code, r.text(), r.getCause());
  }
}

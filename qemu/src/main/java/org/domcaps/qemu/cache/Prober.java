// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import org.domcaps.qemu.caps.QemuCaps;

/**
 * What the cache puts in front of: obtains the capabilities of a binary it holds no valid entry
 * for (each call really probes). Declared here, not in the API package, so that the cache does
 * not depend on the API that wires it.
 */
@FunctionalInterface
public interface Prober {
  QemuCaps probe(String binary) throws Refusal;
}

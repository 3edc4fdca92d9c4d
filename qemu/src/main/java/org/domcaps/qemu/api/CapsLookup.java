// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import org.domcaps.qemu.caps.QemuCaps;

/**
 * Obtains the capabilities of one binary (probe, replay or cache); refusals as libvirt words them.
 */
@FunctionalInterface
interface CapsLookup {
  QemuCaps lookup(String binary) throws DomCapsException;
}

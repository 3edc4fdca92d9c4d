// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.caps.QemuCaps;

/** One emulator's probe outcome: its capabilities, or libvirt's refusal of the binary. */
record Probed(String binary, QemuCaps caps, DomCapsException error) {
  QemuCaps orThrow() throws DomCapsException {
    if (error != null) {
      throw error;
    }
    return caps;
  }
}

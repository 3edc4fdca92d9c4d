// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.EmulatorCaps;

/** One emulator's probe outcome: its capabilities, or libvirt's refusal of the binary. */
record Probed(String binary, EmulatorCaps caps, DomCapsException error) {}

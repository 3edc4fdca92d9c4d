// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Optional;
import org.domcaps.qemu.build.VirtArch;

/**
 * The emulator libvirt picks for an arch when none is given (virQEMUCapsGetDefaultEmulator),
 * searched in the daemon's {@code PATH}.
 */
final class DefaultEmulator {
  private final ProgramSearchPath search;

  DefaultEmulator(ProgramSearchPath search) {
    this.search = search;
  }

  Optional<String> find(String hostArch, String guestArch) {
    // 32-bit ARM guests get KVM on an aarch64 host only through qemu-system-aarch64.
    if ("aarch64".equals(hostArch) && "armv7l".equals(guestArch)) {
      Optional<String> b = system(hostArch);
      if (b.isPresent()) {
        return b;
      }
    }
    Optional<String> b = system(guestArch);
    if (b.isPresent()) {
      return b;
    }
    String target = VirtArch.findTarget(hostArch, guestArch);
    if (!target.equals(guestArch)) {
      b = system(target);
      if (b.isPresent()) {
        return b;
      }
    }
    // RHEL ships a single native binary outside PATH.
    if (VirtArch.guestIsNative(hostArch, guestArch)) {
      return search.find("/usr/libexec/qemu-kvm");
    }
    return Optional.empty();
  }

  private Optional<String> system(String arch) {
    return search.find("qemu-system-" + VirtArch.qemuName(arch));
  }
}

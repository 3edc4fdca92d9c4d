// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;

/** libvirt's default emulator for a guest arch (virQEMUCapsGetDefaultEmulator, QC:924-985). */
public final class DefaultEmulator {
  private DefaultEmulator() {}

  /**
   * Searches {@code qemu-system-*} in PATH: aarch64 hosts try their own binary first for armv7l
   * guests; then the guest's binary; then, when the guest is native or ppc64-family, the host's (or
   * ppc64's) binary; finally {@code /usr/libexec/qemu-kvm} for native guests.
   */
  public static Optional<String> find(String hostArch, String guestArch, ProgramSearch search) {
    if (hostArch.equals("aarch64") && guestArch.equals("armv7l")) {
      Optional<String> b = search.find("qemu-system-" + LibvirtArch.toQemu(hostArch));
      if (b.isPresent()) {
        return b;
      }
    }
    Optional<String> b = search.find("qemu-system-" + LibvirtArch.toQemu(guestArch));
    if (b.isPresent()) {
      return b;
    }
    String target = LibvirtArch.guestIsNative(hostArch, guestArch) ? hostArch : guestArch;
    if (LibvirtArch.isPpc64(target)) {
      target = "ppc64";
    }
    if (!target.equals(guestArch)) {
      b = search.find("qemu-system-" + LibvirtArch.toQemu(target));
      if (b.isPresent()) {
        return b;
      }
    }
    if (LibvirtArch.guestIsNative(hostArch, guestArch)) {
      return search.find("/usr/libexec/qemu-kvm");
    }
    return Optional.empty();
  }

}

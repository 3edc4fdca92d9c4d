// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

/** libvirt's CPU drivers, by the arch names each one handles (src/cpu/cpu_*.c). */
public enum CpuArchFamily {
  X86,
  PPC64,
  S390,
  ARM,
  /** No libvirt CPU driver (riscv, sparc, 32-bit ppc, mips, ...). */
  NONE;

  public static CpuArchFamily of(String arch) {
    return switch (arch) {
      case "i686", "x86_64" -> X86;
      case "ppc64", "ppc64le" -> PPC64;
      case "s390", "s390x" -> S390;
      case "armv6l", "armv7b", "armv7l", "aarch64" -> ARM;
      default -> NONE;
    };
  }

  /** libvirt's virQEMUCapsGuestIsNative: can an emulator of {@code guest} arch use the host CPU. */
  public static boolean isNative(String host, String guest) {
    return host.equals(guest)
        || (host.equals("x86_64") && guest.equals("i686"))
        || (host.equals("aarch64") && guest.equals("armv7l"))
        || (of(host) == PPC64 && of(guest) == PPC64);
  }
}

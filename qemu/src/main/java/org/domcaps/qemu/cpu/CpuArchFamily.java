// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import org.domcaps.qemu.arch.LibvirtArch;

/** libvirt's CPU drivers, by the arch names each one handles (src/cpu/cpu_*.c). */
public enum CpuArchFamily {
  X86,
  PPC64,
  S390,
  ARM,
  /** No libvirt CPU driver (riscv, sparc, 32-bit ppc, mips, ...). */
  NONE;

  public static CpuArchFamily of(String arch) {
    if (LibvirtArch.isX86(arch)) {
      return X86;
    }
    if (LibvirtArch.isPpc64(arch)) {
      return PPC64;
    }
    if (LibvirtArch.isS390(arch)) {
      return S390;
    }
    return LibvirtArch.isArm(arch) ? ARM : NONE;
  }

}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt 9.0.0's architecture names (virarch.c) and the spellings it accepts from the kernel
 * ({@code uname}) and from QEMU (firmware descriptors, {@code query-target}).
 */
public final class LibvirtArch {
  private LibvirtArch() {}

  /** Every libvirt arch name except {@code none}, in libvirt's enum order. */
  public static final List<String> NAMES =
      List.of(
          "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32", "m68k",
          "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc",
          "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64",
          "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
          "xtensaeb");

  private static final Set<String> KNOWN = Set.copyOf(NAMES);

  public static boolean isKnown(String name) {
    return name != null && KNOWN.contains(name);
  }

  /**
   * virArchFromHost: {@code uname().machine} to a libvirt name; {@code i?86} is i686, amd64 is
   * x86_64, arm64 is aarch64; anything libvirt does not know is {@code none}.
   */
  public static String fromUname(String machine) {
    if (machine.length() == 4 && machine.charAt(0) == 'i' && machine.endsWith("86")) {
      return "i686";
    }
    switch (machine) {
      case "amd64":
        return "x86_64";
      case "arm64":
        return "aarch64";
      default:
        return isKnown(machine) ? machine : "none";
    }
  }

  /**
   * virQEMUCapsArchFromString: QEMU's spelling ({@code i386}, {@code arm}) to libvirt's; empty
   * when libvirt does not know the architecture (e.g. {@code loongarch64} in 9.0.0).
   */
  public static Optional<String> fromQemu(String qemuArch) {
    if ("i386".equals(qemuArch)) {
      return Optional.of("i686");
    }
    if ("arm".equals(qemuArch)) {
      return Optional.of("armv7l");
    }
    return isKnown(qemuArch) ? Optional.of(qemuArch) : Optional.empty();
  }

  /** virQEMUCapsArchToString: the {@code qemu-system-*} suffix for a libvirt arch. */
  public static String toQemu(String arch) {
    switch (arch) {
      case "i686":
        return "i386";
      case "armv6l":
      case "armv7l":
        return "arm";
      default:
        return arch;
    }
  }

  public static boolean isX86(String a) {
    return "i686".equals(a) || "x86_64".equals(a);
  }

  public static boolean isS390(String a) {
    return "s390".equals(a) || "s390x".equals(a);
  }

  public static boolean isPpc64(String a) {
    return "ppc64".equals(a) || "ppc64le".equals(a);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * libvirt's architecture vocabulary ({@code virArch}, util/virarch.c) and the QEMU driver's
 * relations between architectures (families, native guests, which emulator serves which arch).
 * Architectures are libvirt names ({@code i686}, {@code armv7l}, {@code x86_64}).
 */
public final class VirtArch {
  /** Every libvirt 9.0.0 architecture name except {@code none}, in libvirt's enum order. */
  public static final List<String> NAMES = List.of(
      "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32", "m68k",
      "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
      "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390",
      "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

  private static final Set<String> KNOWN = Set.copyOf(NAMES);
  private static final Set<String> X86 = Set.of("i686", "x86_64");
  private static final Set<String> PPC = Set.of("ppc", "ppcle", "ppc64", "ppc64le", "ppcemb");
  private static final Set<String> PPC64 = Set.of("ppc64", "ppc64le");
  private static final Set<String> ARM = Set.of("armv6l", "armv7l", "armv7b", "aarch64");
  private static final Set<String> S390 = Set.of("s390", "s390x");

  /** QEMU's spelling where it differs from libvirt's (virQEMUCapsArchToString). */
  private static final Map<String, String> QEMU_NAMES =
      Map.of("i686", "i386", "armv6l", "arm", "armv7l", "arm", "openrisc", "or32");

  private VirtArch() {}

  /** Whether {@code name} is a libvirt architecture ({@code none} is not). */
  public static boolean isKnown(String name) {
    return name != null && KNOWN.contains(name);
  }

  public static boolean isX86(String arch) {
    return X86.contains(arch);
  }

  public static boolean isPpc(String arch) {
    return PPC.contains(arch);
  }

  public static boolean isPpc64(String arch) {
    return PPC64.contains(arch);
  }

  public static boolean isArm(String arch) {
    return ARM.contains(arch);
  }

  public static boolean isS390(String arch) {
    return S390.contains(arch);
  }

  /** The arch QEMU names in {@code qemu-system-NAME} and firmware descriptors. */
  public static String qemuName(String arch) {
    return QEMU_NAMES.getOrDefault(arch, arch);
  }

  /**
   * A QEMU arch name as libvirt reads it (virQEMUCapsArchFromString): {@code i386} → i686,
   * {@code arm} → armv7l, {@code or32} → openrisc; null when libvirt knows no such arch.
   */
  public static String fromQemuName(String qemuArch) {
    String arch = switch (qemuArch) {
      case "i386" -> "i686";
      case "arm" -> "armv7l";
      case "or32" -> "openrisc";
      default -> qemuArch;
    };
    return isKnown(arch) ? arch : null;
  }

  /** The four families within which an emulator may serve another arch of the same family. */
  public static boolean sameFamily(String a, String b) {
    return (isX86(a) && isX86(b)) || (isPpc(a) && isPpc(b)) || (isArm(a) && isArm(b))
        || (isS390(a) && isS390(b));
  }

  /** Whether a {@code guest} can run natively on {@code host} (virQEMUCapsGuestIsNative). */
  public static boolean guestIsNative(String host, String guest) {
    return host.equals(guest)
        || ("x86_64".equals(host) && "i686".equals(guest))
        || ("aarch64".equals(host) && "armv7l".equals(guest))
        || (isPpc64(host) && isPpc64(guest));
  }

  /** The second-choice emulator target for a guest (virQEMUCapsFindTarget). */
  public static String findTarget(String host, String guest) {
    String target = guestIsNative(host, guest) ? host : guest;
    return isPpc64(target) ? "ppc64" : target;
  }

  /**
   * Whether an emulator whose target is {@code emulatorArch} runs guests of {@code arch}
   * (virQEMUCapsIsArchSupported): stricter than {@link #sameFamily}.
   */
  public static boolean emulatorRuns(String emulatorArch, String arch) {
    return arch.equals(emulatorArch)
        || ("x86_64".equals(emulatorArch) && "i686".equals(arch))
        || ("aarch64".equals(emulatorArch) && "armv7l".equals(arch))
        || ("armv7l".equals(emulatorArch) && "armv6l".equals(arch))
        || ("ppc64".equals(emulatorArch) && "ppc64le".equals(arch));
  }

  /**
   * libvirt's arch for a {@code uname} machine string (virArchFromHost): {@code i?86} → i686,
   * {@code amd64} → x86_64, {@code arm64} → aarch64, else the name if libvirt knows it, else
   * {@code none}.
   */
  public static String fromUname(String machine) {
    if (machine.length() == 4 && machine.charAt(0) == 'i' && machine.charAt(2) == '8'
        && machine.charAt(3) == '6') {
      return "i686";
    }
    if ("amd64".equals(machine)) {
      return "x86_64";
    }
    if ("arm64".equals(machine)) {
      return "aarch64";
    }
    return isKnown(machine) ? machine : "none";
  }
}

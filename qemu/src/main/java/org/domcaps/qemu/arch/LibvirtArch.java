// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.arch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt 9.0.0's architecture table, the one place every package asks: the arch names
 * (virarch.c), the spellings libvirt accepts from the kernel ({@code uname}) and from QEMU
 * (firmware descriptors, {@code query-target}), the arch families, and which emulator serves which
 * guest arch (qemu_capabilities.c, qemu_domain.c).
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
  private static final Set<String> X86 = Set.of("i686", "x86_64");
  private static final Set<String> PPC = Set.of("ppc", "ppcle", "ppc64", "ppc64le", "ppcemb");
  private static final Set<String> PPC64 = Set.of("ppc64", "ppc64le");
  private static final Set<String> ARM = Set.of("armv6l", "armv7l", "armv7b", "aarch64");
  private static final Set<String> S390 = Set.of("s390", "s390x");

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

  /** virArchFromHost on this machine. */
  public static String host() {
    return fromUname(unameMachine());
  }

  /**
   * This machine's {@code uname -m}: the kernel's {@code /proc/sys/kernel/arch} where it exists,
   * else the {@code uname} command, else the JVM's os.arch (which spells it differently: amd64).
   */
  public static String unameMachine() {
    try {
      String m = Files.readString(Path.of("/proc/sys/kernel/arch")).strip();
      if (!m.isEmpty()) {
        return m;
      }
    } catch (IOException | RuntimeException e) {
      // older kernels: ask uname
    }
    try {
      Process p = new ProcessBuilder("uname", "-m")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() == 0 && !out.isEmpty()) {
        return out;
      }
    } catch (IOException e) {
      // fall through to the JVM's name
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return System.getProperty("os.arch");
  }

  /**
   * virQEMUCapsArchFromString: QEMU's spelling ({@code i386}, {@code arm}, {@code or32}) to
   * libvirt's; empty when libvirt does not know the architecture (e.g. {@code loongarch64} in
   * 9.0.0).
   */
  public static Optional<String> fromQemu(String qemuArch) {
    switch (qemuArch) {
      case "i386":
        return Optional.of("i686");
      case "arm":
        return Optional.of("armv7l");
      case "or32":
        return Optional.of("openrisc"); // VIR_ARCH_OR32 is spelled "openrisc"
      default:
        return isKnown(qemuArch) ? Optional.of(qemuArch) : Optional.empty();
    }
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

  /** The four families within which an emulator may serve another arch of the same family. */
  public static boolean sameFamily(String a, String b) {
    return (isX86(a) && isX86(b)) || (isPpc(a) && isPpc(b)) || (isArm(a) && isArm(b))
        || (isS390(a) && isS390(b));
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
   * virQEMUCapsGuestIsNative: whether a {@code guest} arch runs natively on a {@code host} (so
   * KVM and the host CPU apply).
   */
  public static boolean guestIsNative(String host, String guest) {
    return host.equals(guest)
        || (host.equals("x86_64") && guest.equals("i686"))
        || (host.equals("aarch64") && guest.equals("armv7l"))
        || (isPpc64(host) && isPpc64(guest));
  }
}

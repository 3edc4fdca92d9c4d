// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.Set;

/**
 * The QEMU driver's relations between libvirt architectures (families, which emulator serves
 * which arch) used while resolving and filling; names and QEMU spellings are in
 * {@link org.domcaps.qemu.host.LibvirtArch}.
 */
public final class VirtArch {
  private static final Set<String> X86 = Set.of("i686", "x86_64");
  private static final Set<String> PPC = Set.of("ppc", "ppcle", "ppc64", "ppc64le", "ppcemb");
  private static final Set<String> PPC64 = Set.of("ppc64", "ppc64le");
  private static final Set<String> ARM = Set.of("armv6l", "armv7l", "armv7b", "aarch64");
  private static final Set<String> S390 = Set.of("s390", "s390x");

  private VirtArch() {}

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
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.util.Map;
import java.util.Set;

/** libvirt's view of a QEMU target architecture (virarch.c, qemu_capabilities.c). */
final class QemuArch {
  /** libvirt 9.0.0's virArch names. */
  private static final Set<String> LIBVIRT_ARCHES =
      Set.of(
          "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32", "m68k",
          "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
          "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390",
          "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

  /** Machine libvirt prefers as default per arch (virQEMUCapsPreferredMachines). */
  private static final Map<String, String> PREFERRED_MACHINE =
      Map.ofEntries(
          Map.entry("alpha", "clipper"), Map.entry("armv6l", "integratorcp"),
          Map.entry("armv7l", "integratorcp"), Map.entry("armv7b", "integratorcp"),
          Map.entry("aarch64", "integratorcp"), Map.entry("cris", "axis-dev88"),
          Map.entry("i686", "pc"), Map.entry("lm32", "lm32-evr"), Map.entry("m68k", "mcf5208evb"),
          Map.entry("microblaze", "petalogix-s3adsp1800"),
          Map.entry("microblazeel", "petalogix-s3adsp1800"), Map.entry("mips", "malta"),
          Map.entry("mipsel", "malta"), Map.entry("mips64", "malta"), Map.entry("mips64el", "malta"),
          Map.entry("openrisc", "or1k-sim"), Map.entry("ppc", "g3beige"), Map.entry("ppcle", "g3beige"),
          Map.entry("ppc64", "pseries"), Map.entry("ppc64le", "pseries"),
          Map.entry("ppcemb", "bamboo"), Map.entry("riscv32", "spike_v1.10"),
          Map.entry("riscv64", "spike_v1.10"), Map.entry("s390x", "s390-ccw-virtio"),
          Map.entry("sh4", "shix"), Map.entry("sh4eb", "shix"), Map.entry("sparc", "SS-5"),
          Map.entry("sparc64", "sun4u"), Map.entry("unicore32", "puv3"), Map.entry("x86_64", "pc"),
          Map.entry("xtensa", "sim"), Map.entry("xtensaeb", "sim"));

  private QemuArch() {}

  /** libvirt arch of a {@code query-target} arch, or null when libvirt does not know it. */
  static String fromQemu(String qemuArch) {
    switch (qemuArch) {
      case "i386":
        return "i686";
      case "arm":
        return "armv7l";
      case "or32":
        return "openrisc"; // VIR_ARCH_OR32 is spelled "openrisc"
      default:
        return LIBVIRT_ARCHES.contains(qemuArch) ? qemuArch : null;
    }
  }

  static String preferredMachine(String arch) {
    return PREFERRED_MACHINE.get(arch);
  }

  static boolean isX86(String a) {
    return "i686".equals(a) || "x86_64".equals(a);
  }

  static boolean isArm(String a) {
    return "armv6l".equals(a) || "armv7l".equals(a) || "armv7b".equals(a) || "aarch64".equals(a);
  }

  static boolean isS390(String a) {
    return "s390".equals(a) || "s390x".equals(a);
  }

  static boolean isPpc64(String a) {
    return "ppc64".equals(a) || "ppc64le".equals(a);
  }
}

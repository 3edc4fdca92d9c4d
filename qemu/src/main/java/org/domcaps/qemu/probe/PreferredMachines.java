// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.util.Map;
import org.domcaps.model.LibvirtVersion;

/** The machine libvirt prefers as default per arch (virQEMUCapsPreferredMachines). */
final class PreferredMachines {
  private static final Map<String, String> PREFERRED_MACHINE =
      Map.ofEntries(
          Map.entry("alpha", "clipper"), Map.entry("armv6l", "integratorcp"),
          Map.entry("armv7l", "integratorcp"), Map.entry("armv7b", "integratorcp"),
          Map.entry("aarch64", "integratorcp"), Map.entry("cris", "axis-dev88"),
          Map.entry("i686", "pc"), Map.entry("lm32", "lm32-evr"), Map.entry("m68k", "mcf5208evb"),
          Map.entry("microblaze", "petalogix-s3adsp1800"),
          Map.entry("microblazeel", "petalogix-s3adsp1800"), Map.entry("mips", "malta"),
          Map.entry("mipsel", "malta"), Map.entry("mips64", "malta"),
          Map.entry("mips64el", "malta"),
          Map.entry("openrisc", "or1k-sim"), Map.entry("ppc", "g3beige"),
          Map.entry("ppcle", "g3beige"),
          Map.entry("ppc64", "pseries"), Map.entry("ppc64le", "pseries"),
          Map.entry("ppcemb", "bamboo"), Map.entry("riscv32", "spike_v1.10"),
          Map.entry("riscv64", "spike_v1.10"), Map.entry("s390x", "s390-ccw-virtio"),
          Map.entry("sh4", "shix"), Map.entry("sh4eb", "shix"), Map.entry("sparc", "SS-5"),
          Map.entry("sparc64", "sun4u"), Map.entry("unicore32", "puv3"), Map.entry("x86_64", "pc"),
          Map.entry("xtensa", "sim"), Map.entry("xtensaeb", "sim"));

  /** What libvirt 11.3 prefers instead (arm and riscv moved to virt, loongarch64 added). */
  private static final Map<String, String> CHANGED_IN_11_3 =
      Map.of("armv7l", "virt", "armv7b", "virt", "aarch64", "virt", "riscv32", "virt",
          "riscv64", "virt", "loongarch64", "virt");

  private PreferredMachines() {}

  /** The preferred machine of a libvirt arch, or null when libvirt has none for it. */
  static String of(String arch, LibvirtVersion libvirt) {
    if (libvirt.atLeast(LibvirtVersion.V11_3) && CHANGED_IN_11_3.containsKey(arch)) {
      return CHANGED_IN_11_3.get(arch);
    }
    return PREFERRED_MACHINE.get(arch);
  }
}

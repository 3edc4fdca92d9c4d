// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How management applications tell a UEFI image from another loader: by the file name the
 * distributions give it (OVMF for x86, AAVMF / QEMU_EFI for Arm, edk2-ARCH-code from QEMU's own
 * build). libvirt's document lists loader paths without saying which firmware each is; this is
 * virt-manager's rule, in its order of preference per arch.
 */
final class UefiImageNames {
  private static final List<Pattern> X86 = patterns(".*OVMF_CODE(_4M)?\\.(ms\\.|secboot\\.)?fd",
      ".*edk2-x86_64-(secure-)?code\\.fd", ".*ovmf.*", ".*OVMF.*");
  private static final Map<String, List<Pattern>> BY_ARCH = Map.of(
      "x86_64", X86,
      "i686", patterns(".*edk2-i386-(secure-)?code\\.fd", ".*OVMF32.*", ".*ovmf-ia32.*"),
      "aarch64", patterns(".*AAVMF_CODE\\.fd", ".*aarch64/QEMU_EFI.*", ".*edk2-aarch64-code\\.fd",
          ".*aarch64.*"),
      "armv7l", patterns(".*AAVMF32_CODE\\.fd", ".*arm/QEMU_EFI.*", ".*edk2-arm-code\\.fd"));

  private UefiImageNames() {}

  /** The first of {@code paths} matching the arch's most preferred name pattern. */
  static Optional<String> firstFor(String arch, List<String> paths) {
    for (Pattern p : BY_ARCH.getOrDefault(arch, List.of())) {
      for (String path : paths) {
        if (p.matcher(path).matches()) {
          return Optional.of(path);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Pattern> patterns(String... regexes) {
    return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}

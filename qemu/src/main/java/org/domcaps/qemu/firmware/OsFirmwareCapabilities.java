// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.util.List;

/**
 * Everything libvirt prints in {@code <os>} (virQEMUCapsFillDomainOSCaps): value lists in print
 * order. libvirt 9.0.0 always reports os and loader as supported and always prints the firmware
 * enum (possibly empty) and the three loader enums.
 *
 * @param supported {@code <os supported=...>}
 * @param firmware {@code <enum name='firmware'>} values: bios, efi (in that order), or none
 * @param loaderSupported {@code <loader supported=...>}
 * @param loaderValues {@code <value>} paths of the loader, in libvirt's order
 * @param loaderTypes {@code <enum name='type'>}: rom, pflash
 * @param loaderReadonly {@code <enum name='readonly'>}: yes, no
 * @param loaderSecure {@code <enum name='secure'>}: yes (when a matching descriptor requires
 *     SMM), no
 */
public record OsFirmwareCapabilities(
    boolean supported,
    List<String> firmware,
    boolean loaderSupported,
    List<String> loaderValues,
    List<String> loaderTypes,
    List<String> loaderReadonly,
    List<String> loaderSecure) {

  public OsFirmwareCapabilities {
    firmware = List.copyOf(firmware);
    loaderValues = List.copyOf(loaderValues);
    loaderTypes = List.copyOf(loaderTypes);
    loaderReadonly = List.copyOf(loaderReadonly);
    loaderSecure = List.copyOf(loaderSecure);
  }

  /** The result for firmware bits and loader images as libvirt 9.0.0 fills them. */
  static OsFirmwareCapabilities of(
      boolean bios, boolean efi, boolean secure, List<String> loaderValues) {
    List<String> fw = bios && efi ? List.of("bios", "efi") : bios ? List.of("bios") : efi
        ? List.of("efi") : List.of();
    return new OsFirmwareCapabilities(
        true,
        fw,
        true,
        loaderValues,
        List.of("rom", "pflash"),
        List.of("yes", "no"),
        secure ? List.of("yes", "no") : List.of("no"));
  }

  /**
   * The same capabilities with the loader {@code <value>} list replaced (libvirt's test suite
   * replaces it after filling, with three fixed paths).
   */
  public OsFirmwareCapabilities withLoaderValues(List<String> values) {
    return new OsFirmwareCapabilities(
        supported, firmware, loaderSupported, values, loaderTypes, loaderReadonly, loaderSecure);
  }
}

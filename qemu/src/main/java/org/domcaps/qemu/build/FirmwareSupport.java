// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;

/**
 * What the firmware side contributes to {@code <os>}: the firmware kinds and the {@code secure}
 * flag from matching descriptors, and the loader image paths in print order (already filtered to
 * existing, distinct files).
 */
public record FirmwareSupport(boolean bios, boolean efi, boolean secure, List<String> loaderValues) {
  public FirmwareSupport {
    loaderValues = List.copyOf(loaderValues);
  }

  /** The same support with another loader list (libvirt's test harness replaces it). */
  public FirmwareSupport withLoaderValues(List<String> values) {
    return new FirmwareSupport(bios, efi, secure, values);
  }
}

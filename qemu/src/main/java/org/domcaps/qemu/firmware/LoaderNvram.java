// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.util.Objects;
import java.util.Optional;

/**
 * One firmware image with its optional NVRAM template (libvirt's virFirmware).
 *
 * @param loader the executable image path
 * @param nvram the variable-store template path, empty for combined/stateless/memory images
 */
public record LoaderNvram(String loader, Optional<String> nvram) {
  public LoaderNvram {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(nvram, "nvram");
  }

  public static LoaderNvram of(String loader, String nvram) {
    return new LoaderNvram(loader, Optional.ofNullable(nvram));
  }
}

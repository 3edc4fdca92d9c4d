// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * The emulators {@code virsh capabilities} would probe: for every libvirt arch in libvirt's enum
 * order, the default emulator of that arch (virQEMUCapsInit → virQEMUCapsInitGuest), each binary
 * once.
 */
public final class InstalledEmulators {
  private InstalledEmulators() {}

  public static List<String> find(Options options) {
    Set<String> out = new LinkedHashSet<>();
    for (String arch : LibvirtArch.NAMES) {
      options.host().defaultEmulator(arch).ifPresent(out::add);
    }
    return new ArrayList<>(out);
  }
}

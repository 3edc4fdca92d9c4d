// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.DescriptorFiles;

/**
 * The firmware descriptors a host's libvirt would read and the machines they could target, for
 * tools that judge the descriptors themselves ({@code domcaps firmware lint}).
 */
public final class FirmwareDescriptors {
  private FirmwareDescriptors() {}

  /** The descriptor files libvirt would parse, in its order (empty files left out). */
  public static List<Path> files(Options options, Consumer<String> warnings) {
    return DescriptorFiles.scan(options.firmware().roots(), warnings::accept).effective();
  }

  /**
   * Every machine name and alias the default emulator for {@code arch} reports (all
   * accelerators), or empty when the host has no emulator for it or it cannot be probed.
   */
  public static Optional<Set<String>> machines(Options options, String arch) {
    Optional<String> emulator = options.host().defaultEmulator(arch);
    if (emulator.isEmpty()) {
      return Optional.empty();
    }
    QemuCaps caps;
    try {
      caps = options.capsLookup().lookup(emulator.get());
    } catch (DomCapsException e) {
      return Optional.empty();
    }
    Set<String> out = new LinkedHashSet<>();
    for (AccelCaps a : caps.accels().values()) {
      for (MachineType m : a.machines()) {
        out.add(m.name());
        if (m.alias() != null) {
          out.add(m.alias());
        }
      }
    }
    return Optional.of(out);
  }

  /** The emulator libvirt would use for {@code arch}, as {@code virsh domcapabilities} finds it. */
  public static Optional<String> emulator(Options options, String arch) {
    return options.host().defaultEmulator(arch);
  }

}

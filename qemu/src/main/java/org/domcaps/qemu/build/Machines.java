// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;

/** Questions libvirt asks of a binary's machine list, always within one virt type's record. */
public final class Machines {
  private Machines() {}

  private static List<MachineType> of(QemuCaps caps, String virtType) {
    return caps.accel(Accel.forVirtType(virtType)).machines();
  }

  /** The machine an alias stands for, or {@code name} itself (virQEMUCapsGetCanonicalMachine). */
  public static String canonical(QemuCaps caps, String virtType, String name) {
    for (MachineType m : of(caps, virtType)) {
      if (name.equals(m.alias())) {
        return m.name();
      }
    }
    return name;
  }

  /** The first machine of the record: libvirt's preferred one (virQEMUCapsGetPreferredMachine). */
  public static Optional<String> preferred(QemuCaps caps, String virtType) {
    List<MachineType> ms = of(caps, virtType);
    return ms.isEmpty() ? Optional.empty() : Optional.of(ms.get(0).name());
  }

  /** Whether a canonical name is in the record (virQEMUCapsIsMachineSupported). */
  public static boolean isSupported(QemuCaps caps, String virtType, String canonical) {
    return of(caps, virtType).stream().anyMatch(m -> m.name().equals(canonical));
  }

  /**
   * maxCpus of the first machine of that name with a non-zero limit, 0 when none
   * (virQEMUCapsGetMachineMaxCpus).
   */
  public static int maxCpus(QemuCaps caps, String virtType, String name) {
    if (name == null) {
      return 0;
    }
    for (MachineType m : of(caps, virtType)) {
      if (m.maxCpus() != 0 && m.name().equals(name)) {
        return m.maxCpus();
      }
    }
    return 0;
  }
}

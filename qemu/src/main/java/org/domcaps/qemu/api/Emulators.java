// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.List;
import java.util.Optional;

/**
 * The emulators of a host and what each reports about itself, through {@link
 * Options#capsLookup()} (so from the capability cache when the options have one). Thread-safe as
 * far as the options' lookup is; {@link LiveOptions}' is.
 */
public final class Emulators {
  private Emulators() {}

  /** One machine type of an emulator, as {@code virsh capabilities} lists it. */
  public record Machine(String name, Optional<String> alias, int maxCpus, boolean isDefault,
      boolean deprecated) {}

  /** The binaries {@code virsh capabilities} would probe, in libvirt's arch order. */
  public static List<String> installed(Options options) {
    return InstalledEmulators.find(options);
  }

  /** libvirt's name of the arch {@code binary} emulates (it reports its own target). */
  public static String arch(String binary, Options options) throws DomCapsException {
    return options.capsLookup().lookup(binary).arch();
  }

  /**
   * The machine types {@code binary} offers for {@code virtType} ({@code kvm}, or any other
   * virt type for TCG's list), in libvirt's order (the default first).
   */
  public static List<Machine> machineTypes(String binary, String virtType, Options options)
      throws DomCapsException {
    return caps(binary, options).machineTypes(virtType);
  }

  /** What {@code binary} reports about itself (probed, or from the capability cache). */
  public static EmulatorCaps caps(String binary, Options options) throws DomCapsException {
    return new EmulatorCaps(options.capsLookup().lookup(binary));
  }
}

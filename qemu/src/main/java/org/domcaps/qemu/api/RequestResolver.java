// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.CONFIG_UNSUPPORTED;
import static org.domcaps.qemu.api.DomCapsException.Code.INVALID_ARG;

import java.util.Optional;
import java.util.function.Function;
import org.domcaps.qemu.build.Machines;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.build.VirtType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * libvirt 9.0.0's resolution of a domain-capabilities request (virQEMUCapsCacheLookupDefault,
 * then the checks of virQEMUDriverGetDomainCapabilities), in libvirt's order: the first refusal
 * wins and carries libvirt's exact text.
 */
final class RequestResolver {
  private final String hostArch;
  private final Function<String, Optional<String>> defaultEmulator;
  private final CapsLookup lookup;

  /**
   * @param hostArch the libvirt arch of the host (default arch of a request)
   * @param defaultEmulator the emulator libvirt would pick for a guest arch
   *     (virQEMUCapsGetDefaultEmulator), empty when none is installed
   * @param lookup how a binary's capabilities are obtained
   */
  RequestResolver(String hostArch, Function<String, Optional<String>> defaultEmulator,
      CapsLookup lookup) {
    this.hostArch = hostArch;
    this.defaultEmulator = defaultEmulator;
    this.lookup = lookup;
  }

  ResolvedRequest resolve(DomCapsRequest request) throws DomCapsException {
    String virtType = VirtType.NONE;
    if (request.virtType().isPresent()) {
      virtType = request.virtType().get();
      if (!VirtType.isKnown(virtType)) {
        throw new DomCapsException(INVALID_ARG, "unknown virttype: " + virtType);
      }
    }
    String arch = hostArch;
    if (request.arch().isPresent()) {
      arch = request.arch().get();
      if (!LibvirtArch.isKnown(arch)) {
        throw new DomCapsException(INVALID_ARG, "unknown architecture: " + arch);
      }
    }
    String binary = request.emulatorBin().isPresent()
        ? request.emulatorBin().get()
        : defaultEmulator.apply(arch).orElse(null);
    if (binary == null) {
      // libvirt formats the raw option with %s: glibc prints (null) when --arch was not given.
      throw new DomCapsException(CONFIG_UNSUPPORTED, "unable to find any emulator to serve '"
          + request.arch().orElse("(null)") + "' architecture");
    }
    QemuCaps caps = lookup.lookup(binary);

    String emulatorArch = caps.arch();
    if (!emulatorArch.equals(arch) && !LibvirtArch.sameFamily(arch, emulatorArch)) {
      throw new DomCapsException(INVALID_ARG, "architecture from emulator '" + emulatorArch
          + "' doesn't match given architecture '" + arch + "'");
    }
    String capsType = VirtType.of(caps);
    if (VirtType.NONE.equals(virtType)) {
      virtType = capsType;
    }
    // Every type but qemu counts as accelerated, and is refused outright on a TCG-only binary.
    if (!VirtType.QEMU.equals(virtType) && VirtType.QEMU.equals(capsType)) {
      throw new DomCapsException(INVALID_ARG, "the accel '" + VirtType.accelName(virtType)
          + "' is not supported by '" + binary + "' on this host");
    }
    String machine;
    if (request.machine().isPresent()) {
      machine = Machines.canonical(caps, virtType, request.machine().get());
      if (!Machines.isSupported(caps, virtType, machine)) {
        throw new DomCapsException(INVALID_ARG, "the machine '" + machine
            + "' is not supported by emulator '" + binary + "'");
      }
    } else {
      machine = Machines.preferred(caps, virtType).orElse(null);
    }

    String path = caps.emulator();
    if (!LibvirtArch.emulatorRuns(emulatorArch, arch)) {
      throw new DomCapsException(INVALID_ARG,
          "Emulator '" + path + "' does not support arch '" + arch + "'");
    }
    if (!VirtType.isSupported(caps, virtType)) {
      throw new DomCapsException(INVALID_ARG,
          "Emulator '" + path + "' does not support virt type '" + virtType + "'");
    }
    if (machine == null || !Machines.isSupported(caps, virtType, machine)) {
      throw new DomCapsException(CONFIG_UNSUPPORTED, "Emulator '" + path
          + "' does not support machine type '" + (machine == null ? "<null>" : machine) + "'");
    }
    return new ResolvedRequest(path, arch, virtType, machine, caps);
  }
}

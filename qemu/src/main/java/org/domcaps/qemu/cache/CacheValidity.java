// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * virQEMUCapsIsValid (qemu_capabilities.c), in libvirt's order. The firmware descriptors are not
 * part of it: a probe result does not depend on them, and they are read again for every answer
 * (as libvirt does), so a descriptor added or removed shows at the next answer without reprobing.
 * Unlike libvirt, the {@code <emulator>} must name the binary asked for, so that a file copied
 * from another entry (or another machine) is never trusted.
 */
final class CacheValidity {
  private CacheValidity() {}

  /** Why {@code caps} cannot answer for {@code binary} on {@code host} now; empty when valid. */
  public static Optional<String> invalidReason(QemuCaps caps, String binary, HostKey host) {
    if (!binary.equals(caps.emulator())) {
      return Optional.of("entry is for '" + caps.emulator() + "', not '" + binary + "'");
    }
    if (host.qemuModDirMtime().isPresent()
        && !host.qemuModDirMtime().equals(caps.qemuModDirMtime())) {
      return Optional.of("QEMU module directory changed (" + caps.qemuModDirMtime().orElse(0L)
          + " vs " + host.qemuModDirMtime().get() + ")");
    }
    if (caps.selfCtime() != host.selfCtime() || caps.selfVersion() != host.selfVersion()) {
      return Optional.of("written by another domcaps (selfctime " + caps.selfCtime() + " vs "
          + host.selfCtime() + ", selfvers " + caps.selfVersion() + " vs "
          + host.selfVersion() + ")");
    }
    long ctime;
    try {
      ctime = HostIdentity.ctimeSeconds(Path.of(binary));
    } catch (IOException | RuntimeException e) {
      return Optional.of("cannot stat QEMU binary " + binary + ": " + e.getMessage());
    }
    if (ctime != caps.qemuCtime()) {
      return Optional.of("QEMU binary changed (" + caps.qemuCtime() + " vs " + ctime + ")");
    }
    if (!LibvirtArch.guestIsNative(host.hostArch(), caps.arch())) {
      return Optional.empty();
    }
    boolean kvm = caps.has("kvm");
    if (host.kvmUsable() != kvm) {
      return Optional.of("KVM usability changed (" + kvm + " vs " + host.kvmUsable() + ")");
    }
    if (!kvm && !caps.has("hvf")) {
      return Optional.empty();
    }
    if (!Objects.equals(caps.hostCpuSignature(), host.hostCpuSignature())) {
      return Optional.of("host CPU changed ('" + caps.hostCpuSignature().orElse("") + "' vs '"
          + host.hostCpuSignature().orElse("") + "')");
    }
    if (caps.microcodeVersion() != host.microcodeVersion()) {
      return Optional.of("microcode version changed (" + caps.microcodeVersion() + " vs "
          + host.microcodeVersion() + ")");
    }
    if (!Objects.equals(caps.kernelVersion(), host.kernelVersion())) {
      return Optional.of("kernel changed ('" + caps.kernelVersion().orElse("") + "' vs '"
          + host.kernelVersion().orElse("") + "')");
    }
    if (kvm && caps.kvmSupportsNesting() != host.kvmSupportsNesting()) {
      return Optional.of("KVM nesting changed (" + caps.kvmSupportsNesting() + " vs "
          + host.kvmSupportsNesting() + ")");
    }
    if (kvm && caps.kvmSupportsSecureGuest() != host.kvmSupportsSecureGuest()) {
      return Optional.of("KVM secure-guest support changed (" + caps.kvmSupportsSecureGuest()
          + " vs " + host.kvmSupportsSecureGuest() + ")");
    }
    return Optional.empty();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a probe of the QEMU binary knows beyond the domain capabilities document: libvirt's QEMU
 * capability flags, QEMU's device types, its version, the firmware descriptors, files on the
 * host. Every answer may be unknown (a saved document offline); rules then warn instead of
 * refusing. The qemu module's API implements it for a live host.
 */
public interface ProbeFacts {
  /** Nothing known: every live rule can only warn. */
  ProbeFacts NONE = new ProbeFacts() {};

  /** A libvirt QEMU capability flag by its cache name ({@code pvpanic}, {@code i8042}). */
  default Tri flag(String libvirtFlag) {
    return Tri.UNKNOWN;
  }

  /** Whether QEMU knows the device type ({@code ib700}, {@code ES1370}). */
  default Tri deviceType(String qemuType) {
    return Tri.UNKNOWN;
  }

  /** QEMU's version as libvirt numbers it (7.2.0 = 7002000), when known. */
  default OptionalLong qemuVersion() {
    return OptionalLong.empty();
  }

  /** The firmware descriptors libvirt would consider, in its order; empty when unknown. */
  default Optional<List<FirmwareCandidate>> firmware() {
    return Optional.empty();
  }

  /**
   * The features libvirt's CPU map gives a guest CPU model (x86: cpu_map/x86_*.xml, ancestors
   * included), empty when the map does not know it or is not available.
   */
  default Optional<java.util.Set<String>> cpuModelFeatures(String model) {
    return Optional.empty();
  }

  /**
   * The host CPU as libvirt compares guest CPUs with it (VIR_QEMU_CAPS_HOST_CPU_FULL: QEMU's
   * full expansion of the host/max model for this virt type), as libvirt feature names; empty
   * when not probed.
   */
  default Optional<java.util.Set<String>> hostCpuFeatures() {
    return Optional.empty();
  }

  /** Whether the hypervisor (KVM) can run x86 guests with System Management Mode. */
  default Tri kvmSmm() {
    return Tri.UNKNOWN;
  }

  /**
   * The loaders of the driver's configured loader/NVRAM list (qemu.conf {@code nvram}, or
   * libvirt's built-in one), for which libvirt knows an NVRAM template whatever the arch.
   */
  default Optional<List<String>> configuredLoaders() {
    return Optional.empty();
  }

  /** The size of a file on the host, empty when unknown or absent. */
  default OptionalLong fileSize(String path) {
    return OptionalLong.empty();
  }

  /** The first bytes (up to 64) of a file on the host, empty when unknown or unreadable. */
  default Optional<byte[]> fileHead(String path) {
    return Optional.empty();
  }

  /**
   * Starts QEMU (paused, no devices) on {@code machine} under the target's accelerator with the
   * guest CPU {@code model} ({@code host}, {@code max} or a named model) and {@code features}
   * (libvirt names, true = on) and QEMU CPU properties {@code props} ({@code hv-vapic=on}), as
   * libvirt's {@code -cpu} would ask: whether the hypervisor can run that vCPU, and whether the
   * features {@code query} (libvirt names) are on in it. Empty when the probe cannot start QEMU
   * here (offline, no such binary).
   */
  default Optional<VcpuStart> vcpuStart(String machine, String model,
      java.util.Map<String, Boolean> features, List<String> props,
      java.util.Collection<String> query) {
    return Optional.empty();
  }

  /**
   * QEMU's full expansion of a guest CPU model under the target's accelerator: its boolean
   * properties by QEMU's names ({@code apic}), empty when not probed or QEMU does not know it.
   */
  default Optional<java.util.Map<String, Boolean>> qemuCpuModel(String model) {
    return Optional.empty();
  }

  /** Whether the facts are of the host itself (they can decide), or none are known. */
  default boolean live() {
    return false;
  }
}

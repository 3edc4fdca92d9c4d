// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * Everything libvirt 9.0.0 reads from the host itself (not from QEMU) for domain capabilities.
 * {@link LiveHostFacts} reads this machine; {@link #overriding(HostFacts)} replaces any fact, for
 * tests and replays.
 */
public interface HostFacts {
  /** virArchFromHost: the libvirt name of {@code uname -m} ({@code none} if unknown). */
  String arch();

  /** Whether the driver is privileged (euid 0): the user firmware directory is then not read. */
  boolean privileged();

  /** Whether {@code /dev/kvm} opens read-write for the process that will run QEMU. */
  boolean kvmUsable();

  /**
   * The KVM vCPU limit (KVM_CAP_MAX_VCPUS, else KVM_CAP_NR_VCPUS, else 4).
   *
   * @throws HostFactException {@code Unable to open /dev/kvm: ...} (libvirt fails the request)
   */
  int kvmMaxVcpus();

  /** Whether a KVM module reports nested virtualization (probe-time fact, cache invalidation). */
  boolean kvmNestingEnabled();

  /** Host side of VFIO: IOMMU groups exist and {@code /dev/vfio/vfio} exists. */
  boolean vfioUsable();

  /**
   * hostdev {@code pciBackend} values: default and vfio when VFIO is usable and the emulator has
   * {@code vfio-pci}, else none (libvirt still prints the empty enum).
   */
  default List<String> pciBackends(QemuCaps caps) {
    return vfioUsable() && caps.has("vfio-pci") ? List.of("default", "vfio") : List.of();
  }

  /**
   * kvmSupportsSecureGuest as libvirt computes it at probe time: s390 hosts need {@code
   * /sys/firmware/uv} and {@code prot_virt} enabled on the kernel command line; x86 hosts need
   * kvm_amd's {@code sev} parameter enabled and {@code /dev/sev}; other hosts never.
   */
  boolean kvmSupportsSecureGuest();

  /** kvm_amd's {@code sev} and {@code sev_es} module parameters. */
  SevHost sev();

  /** maxGuests / maxESGuests for {@code <sev>}. */
  SevGuestLimits sevGuestLimits();

  /** swtpm presence and TPM versions. */
  Swtpm swtpm();

  /** libvirt's default emulator for a guest arch, searched in PATH. */
  Optional<String> defaultEmulator(String guestArch);

  /**
   * libvirt 11.3's qemuRdpAvailable: the {@code qemu-rdp} helper is in PATH (then D-Bus graphics
   * also offer {@code rdp}). False unless a host says otherwise.
   */
  default boolean qemuRdpAvailable() {
    return false;
  }

  /** A builder that starts from {@code base} and replaces the facts it is given. */
  static OverriddenHostFacts.Builder overriding(HostFacts base) {
    return new OverriddenHostFacts.Builder(base);
  }

  /**
   * kvm_amd module parameters.
   *
   * @param sevEnabled {@code sev} starts with 1, Y or y
   * @param sevEsEnabled {@code sev_es} starts with 1, Y or y
   */
  record SevHost(boolean sevEnabled, boolean sevEsEnabled) {
    public static final SevHost DISABLED = new SevHost(false, false);
  }
}

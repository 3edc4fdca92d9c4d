// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import java.util.Optional;

/**
 * The host facts libvirt consults while filling the document, as plain values so that a live
 * host, a replay and libvirt's test harness differ only in what they pass here.
 *
 * @param kvmMaxVcpus the KVM vCPU limit (KVM_CAP_MAX_VCPUS …); only used for virt type kvm
 * @param vfio whether PCI passthrough with VFIO is available
 * @param swtpmVersions empty when swtpm is absent; else the TPM versions its
 *     {@code swtpm_setup --print-capabilities} reports ({@code 1.2}, {@code 2.0}), possibly none
 * @param sevGuests the SEV guest limits from the host's CPUID; empty keeps what the capabilities
 *     hold
 * @param s390SecureGuest overrides the probe-time secure-guest verdict kept in the capabilities
 *     (libvirt's test harness forces it true); empty keeps the probe's verdict
 */
public record FillFacts(
    int kvmMaxVcpus,
    Vfio vfio,
    Optional<List<String>> swtpmVersions,
    Optional<SevGuests> sevGuests,
    Optional<Boolean> s390SecureGuest) {
  public FillFacts {
    swtpmVersions = swtpmVersions.map(List::copyOf);
  }

  /** VFIO passthrough availability. */
  public enum Vfio {
    /** No IOMMU group or no {@code /dev/vfio/vfio}: {@code pciBackend} stays empty. */
    ABSENT,
    /** The host supports VFIO; the binary's {@code vfio-pci} device decides. */
    PRESENT,
    /** Report {@code default} and {@code vfio} whatever the binary says (libvirt's test harness). */
    ASSUMED
  }

  /** SEV guest limits: maxGuests = ECX − EDX + 1, maxESGuests = EDX − 1 of CPUID 0x8000001F. */
  public record SevGuests(long maxGuests, long maxEsGuests) {}
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.host.HostFactException;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.SevGuestLimits;

/**
 * The host facts libvirt consults while filling the document, as plain values so that a live
 * host, a replay and libvirt's test harness differ only in what they pass here.
 *
 * @param kvmMaxVcpus the KVM vCPU limit; only used for virt type kvm
 * @param pciBackends the hostdev {@code pciBackend} values (empty without VFIO)
 * @param swtpmVersions empty when swtpm is absent; else the TPM versions its
 *     {@code swtpm_setup --print-capabilities} reports ({@code 1.2}, {@code 2.0}), possibly none
 * @param sevGuests the SEV guest limits libvirt takes from the host's CPUID
 * @param s390SecureGuest overrides the probe-time secure-guest verdict kept in the capabilities
 *     (libvirt's test harness mocks it true); empty keeps the probe's verdict
 * @param qemuRdp libvirt 11.3's qemu-rdp helper is available
 */
public record FillFacts(
    int kvmMaxVcpus,
    List<String> pciBackends,
    Optional<List<String>> swtpmVersions,
    SevGuestLimits sevGuests,
    Optional<Boolean> s390SecureGuest,
    boolean qemuRdp) {
  public FillFacts {
    pciBackends = List.copyOf(pciBackends);
    swtpmVersions = swtpmVersions.map(List::copyOf);
  }

  public FillFacts(int kvmMaxVcpus, List<String> pciBackends, Optional<List<String>> swtpmVersions,
      SevGuestLimits sevGuests, Optional<Boolean> s390SecureGuest) {
    this(kvmMaxVcpus, pciBackends, swtpmVersions, sevGuests, s390SecureGuest, false);
  }

  /**
   * The facts of a host for one request, read as libvirt reads them during the fill: the KVM
   * limit only for virt type kvm (opening {@code /dev/kvm} may fail the request).
   *
   * @throws HostFactException libvirt's text when {@code /dev/kvm} cannot be opened
   */
  public static FillFacts of(HostFacts host, ResolvedRequest request) {
    int kvmMax = VirtType.KVM.equals(request.virtType()) ? host.kvmMaxVcpus() : Integer.MAX_VALUE;
    var swtpm = host.swtpm();
    return new FillFacts(kvmMax, host.pciBackends(request.caps()),
        swtpm.present() ? Optional.of(swtpm.tpmVersions()) : Optional.empty(),
        host.sevGuestLimits(), Optional.empty(), host.qemuRdpAvailable());
  }

  /** The same facts with the s390 secure-guest verdict forced. */
  public FillFacts withS390SecureGuest(boolean secure) {
    return new FillFacts(kvmMaxVcpus, pciBackends, swtpmVersions, sevGuests, Optional.of(secure),
        qemuRdp);
  }

  /** The same facts with the qemu-rdp helper present or not. */
  public FillFacts withQemuRdp(boolean available) {
    return new FillFacts(kvmMaxVcpus, pciBackends, swtpmVersions, sevGuests, s390SecureGuest,
        available);
  }
}

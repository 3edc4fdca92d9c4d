// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import java.util.List;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Features;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.build.DomainCapsBuilder.Enumeration;
import org.domcaps.qemu.caps.GicCapability;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.SevCapability;
import org.domcaps.qemu.caps.SgxCapability;

/** The {@code <features>} part (virQEMUCapsFillDomainFeature*Caps). */
final class FeatureFill {
  private FeatureFill() {}

  static Features features(ResolvedRequest request, FillFacts facts) {
    QemuCaps caps = request.caps();
    Features.Builder f = Features.builder()
        .gic(gic(request))
        .vmcoreinfo(Supported.of(caps.has("vmcoreinfo")))
        .genid(Supported.of(caps.has("vmgenid")))
        .backingStoreInput(Supported.YES)
        // 11.3 reports backup unconditionally (QEMU_CAPS_LAST in domCapsTuples).
        .backup(Supported.of(DomainCapsBuilder.since11(caps) || caps.has("incremental-backup")))
        .sev(sev(caps, facts))
        .sgx(sgx(caps));
    // s390-pv is reported only for s390 emulators; absent elsewhere.
    if (LibvirtArch.isS390(caps.arch())) {
      boolean secure = facts.s390SecureGuest().orElse(caps.kvmSupportsSecureGuest());
      f.s390Pv(Supported.of(caps.has("confidential-guest-support") && caps.has("s390-pv-guest")
          && secure));
    }
    caps.hyperv().ifPresent(h -> f.hyperv(h.supported()
        ? Capability.supported(CapsEnum.of("features", h.features()))
        : Capability.unsupported()));
    return f.build();
  }

  /** GIC versions only for ARM virt machines of the requested arch; kernel for kvm, emulated for qemu. */
  static Capability gic(ResolvedRequest request) {
    String arch = request.arch();
    String machine = request.machine() == null ? "" : request.machine();
    boolean armVirt = (arch.equals("armv6l") || arch.equals("armv7l") || arch.equals("aarch64"))
        && (machine.equals("virt") || machine.startsWith("virt-"));
    if (!armVirt) {
      return Capability.unsupported();
    }
    Enumeration versions = new Enumeration("version");
    for (int v = 2; v <= 3; v++) {
      versions.addIf(supportsGic(request.caps().gic(), request.virtType(), v), Integer.toString(v));
    }
    return versions.isEmpty() ? Capability.unsupported() : Capability.supported(versions.build());
  }

  private static boolean supportsGic(List<GicCapability> gics, String virtType, int version) {
    for (GicCapability g : gics) {
      if (g.version() != version) {
        continue;
      }
      if ((VirtType.KVM.equals(virtType) && g.kernel())
          || (VirtType.QEMU.equals(virtType) && g.emulated())) {
        return true;
      }
    }
    return false;
  }

  static Sev sev(QemuCaps caps, FillFacts facts) {
    if (caps.sev().isEmpty()) {
      return Sev.unsupported();
    }
    SevCapability s = caps.sev().get();
    // libvirt recomputes the guest limits from the host's CPUID at probe and at every load.
    long max = facts.sevGuests().maxGuests();
    long maxEs = facts.sevGuests().maxEsGuests();
    Sev sev = Sev.supported(s.cbitpos(), s.reducedPhysBits(), (int) max, (int) maxEs);
    // Only capabilities from a probe carry cpu0Id; libvirt's cache loader never reads it back.
    return s.cpu0Id() == null ? sev : sev.withCpu0Id(s.cpu0Id());
  }

  static Sgx sgx(QemuCaps caps) {
    if (caps.sgx().isEmpty()) {
      return Sgx.unsupported();
    }
    SgxCapability s = caps.sgx().get();
    return Sgx.supported(s.flc(), s.sgx1(), s.sgx2(), s.sectionSizeKiB(),
        s.sections().stream().map(x -> new SgxSection(x.node(), x.sizeKiB())).toList());
  }
}

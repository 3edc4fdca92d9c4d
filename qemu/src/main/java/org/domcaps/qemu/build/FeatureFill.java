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
    if (DomainCapsBuilder.since11(caps)) {
      f.asyncTeardown(asyncTeardown(caps)).ps2(ps2(request)).launchSecurity(launchSecurity(caps));
    }
    caps.hyperv().ifPresent(h -> f.hyperv(h.supported()
        ? Capability.supported(CapsEnum.of("features", h.features()))
        : Capability.unsupported()));
    return f.build();
  }

  /** {@code <async-teardown>} (libvirt 11.3): QEMU's {@code -run-with async-teardown}. */
  static Supported asyncTeardown(QemuCaps caps) {
    return Supported.of(caps.has("run-with.async-teardown"));
  }

  /**
   * {@code <ps2>} (libvirt 11.3: virQEMUCapsSupportsI8042Toggle): the machine's i8042 option on
   * the PC machines of the requested arch.
   */
  static Supported ps2(ResolvedRequest request) {
    String arch = request.arch();
    String m = request.machine() == null ? "" : request.machine();
    boolean pc = LibvirtArch.isX86(arch)
        && (m.equals("pc") || m.startsWith("pc-0.") || m.startsWith("pc-1.")
            || m.startsWith("pc-i440fx-") || m.startsWith("rhel") || m.equals("q35")
            || m.startsWith("pc-q35-") || m.equals("xenfv") || m.startsWith("xenfv-"));
    return Supported.of(request.caps().has("machine-i8042-opt") && (pc || m.equals("isapc")));
  }

  /** {@code <launchSecurity>} (libvirt 11.3: virQEMUCapsFillDomainLaunchSecurity). */
  static Capability launchSecurity(QemuCaps caps) {
    Enumeration sectype = new Enumeration("sectype")
        .addIf(caps.has("sev-guest"), "sev")
        .addIf(caps.has("sev-snp-guest"), "sev-snp")
        .addIf(caps.has("s390-pv-guest") && caps.has("confidential-guest-support"), "s390-pv");
    return sectype.isEmpty() ? Capability.unsupported() : Capability.supported(sectype.build());
  }

  /**
   * GIC versions only for ARM virt machines of the requested arch; kernel for kvm, emulated for
   * qemu.
   */
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

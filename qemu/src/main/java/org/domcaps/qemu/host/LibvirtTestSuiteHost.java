// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * The host libvirt 9.0.0's own test suite pretends to be when it prints {@code
 * tests/domaincapsdata} (qmp-probe.md §4.3), expressed only through general overrides: the host
 * is native to the recording, unprivileged, KVM limit INT_MAX, pciBackend forced to default+vfio,
 * swtpm present with versions by QEMU version, SEV CPUID ECX=509/EDX=451.
 */
public final class LibvirtTestSuiteHost {
  private LibvirtTestSuiteHost() {}

  /** The loader values the suite writes over the filled list, in this order. */
  public static final List<String> LOADER_VALUES = List.of(
      "/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF32_CODE.fd",
      "/usr/share/OVMF/OVMF_CODE.fd");

  /**
   * The user config dir inside the suite's firmware tree ({@code firmware/home/user/.config}):
   * {@code FirmwareRoots.relocated(firmwareDir, false, USER_CONFIG_DIR)} gives its three roots.
   */
  public static final String USER_CONFIG_DIR = "/home/user/.config";

  /**
   * Facts for replaying a recording of QEMU {@code qemuVersion} (major*1000000+minor*1000+micro)
   * for guest {@code arch}. Facts the suite does not fake (KVM usable, SEV module parameters, secure
   * guest, nesting) are fixed to what a recording host without those features answers.
   */
  public static HostFacts facts(String arch, long qemuVersion) {
    return HostFacts.overriding(new LiveHostFacts())
        .arch(arch)
        .privileged(false)
        .kvmUsable(true)
        .kvmMaxVcpus(Integer.MAX_VALUE)
        .kvmNestingEnabled(false)
        .pciBackends(List.of("default", "vfio"))
        .kvmSupportsSecureGuest(false)
        .sev(HostFacts.SevHost.DISABLED)
        .sevGuestLimits(SevGuestLimits.fromCpuid(509, 451))
        .swtpm(swtpmForQemu(qemuVersion))
        .defaultEmulator(a -> Optional.of("/usr/bin/qemu-system-" + LibvirtArch.toQemu(a)))
        .build();
  }

  /** swtpm versions the suite's mock reports: QEMU 3-5 → 1.2; 6 → 1.2, 2.0; else 2.0. */
  public static Swtpm swtpmForQemu(long qemuVersion) {
    long major = qemuVersion / 1_000_000;
    if (major >= 3 && major <= 5) {
      return Swtpm.withVersions("1.2");
    }
    if (major == 6) {
      return Swtpm.withVersions("1.2", "2.0");
    }
    return Swtpm.withVersions("2.0");
  }
}

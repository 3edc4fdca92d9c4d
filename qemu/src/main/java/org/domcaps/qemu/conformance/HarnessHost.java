// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import java.util.List;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.SevGuestLimits;
import org.domcaps.qemu.host.Swtpm;

/**
 * The host libvirt's domaincapstest pretends to be when it prints {@code tests/domaincapsdata}
 * (qmp-probe.md §4.3), every fact stated here and none read from the machine running the suite:
 * native to the recording, unprivileged, KVM usable with the limit INT_MAX, pciBackend forced to
 * default+vfio, no nesting, secure guest or SEV module, SEV CPUID ECX=509/EDX=451, swtpm present
 * with the TPM versions the harness's mock reports, default emulators at {@code
 * /usr/bin/qemu-system-QEMUARCH}. Plus the one mock the fill itself sees: secure-guest support
 * (s390-pv) whenever QEMU has both flags (domaincapsmock.c), whatever the probe recorded.
 *
 * @param arch the guest arch of the golden, which the harness also makes the host arch
 * @param swtpm the swtpm stand-in ({@link #swtpm(String)})
 */
record HarnessHost(String arch, Swtpm swtpm) implements HostFacts {
  /** The loader values libvirt 9.0's harness writes over the filled list, in this order. */
  static final List<String> LOADER_VALUES = List.of(
      "/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF32_CODE.fd",
      "/usr/share/OVMF/OVMF_CODE.fd");

  /**
   * The user config dir inside the suite's firmware tree ({@code firmware/home/user/.config}):
   * {@code FirmwareRoots.relocated(firmwareDir, false, USER_CONFIG_DIR)} gives its three roots.
   */
  static final String USER_CONFIG_DIR = "/home/user/.config";

  /** The host of a golden whose name gives QEMU version {@code version} for {@code arch}. */
  static HarnessHost of(String arch, String version) {
    return new HarnessHost(arch, swtpm(version));
  }

  /**
   * The harness's swtpm mock: 3.x to 5.x TPM 1.2 only; 6.x 1.2 and 2.0; anything else 2.0 only
   * (domaincapstest.c). It goes by the version in the golden's name, not by the QEMU version
   * inside the recording (the {@code caps_7.0.0.aarch64} recording is a QEMU 6.2.50 build).
   */
  static Swtpm swtpm(String version) {
    if (version.startsWith("3.") || version.startsWith("4.") || version.startsWith("5.")) {
      return Swtpm.withVersions("1.2");
    }
    if (version.startsWith("6.")) {
      return Swtpm.withVersions("1.2", "2.0");
    }
    return Swtpm.withVersions("2.0");
  }

  /** The loader paths the harness puts in place of the real ones, after filling. */
  static List<String> loaderValues(LibvirtVersion libvirt) {
    return libvirt.atLeast(LibvirtVersion.V11_3)
        ? List.of("/obviously/fake/firmware1.fd", "/obviously/fake/firmware2.fd")
        : LOADER_VALUES;
  }

  /** The fill's facts for {@code request} on this host, with the mocks the fill sees. */
  FillFacts fillFacts(ResolvedRequest request) {
    // 11.3's harness configures a qemu-rdp helper name the mock finds.
    return FillFacts.of(this, request).withS390SecureGuest(true)
        .withQemuRdp(request.caps().libvirt().atLeast(LibvirtVersion.V11_3));
  }

  @Override
  public boolean privileged() {
    return false;
  }

  @Override
  public boolean kvmUsable() {
    return true;
  }

  @Override
  public int kvmMaxVcpus() {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean kvmNestingEnabled() {
    return false;
  }

  @Override
  public boolean vfioUsable() {
    return true;
  }

  @Override
  public List<String> pciBackends(QemuCaps caps) {
    return List.of("default", "vfio");
  }

  @Override
  public boolean kvmSupportsSecureGuest() {
    return false;
  }

  @Override
  public SevHost sev() {
    return SevHost.DISABLED;
  }

  @Override
  public SevGuestLimits sevGuestLimits() {
    return SevGuestLimits.fromCpuid(509, 451);
  }

  @Override
  public Optional<String> defaultEmulator(String guestArch) {
    return Optional.of("/usr/bin/qemu-system-" + LibvirtArch.toQemu(guestArch));
  }
}

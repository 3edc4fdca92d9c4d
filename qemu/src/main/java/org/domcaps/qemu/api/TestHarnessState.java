// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.List;
import org.domcaps.model.LibvirtVersion;

import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.LibvirtTestSuiteHost;
import org.domcaps.qemu.host.Swtpm;

/**
 * The host state libvirt 9.0.0's domaincapstest injects, as ordinary host facts plus the one
 * mock the fill itself sees: secure-guest support (s390-pv) is reported whenever QEMU has both
 * flags (domaincapsmock.c), whatever the probe recorded.
 */
final class TestHarnessState {
  private TestHarnessState() {}

  /**
   * @param version the version part of the golden's name; the harness picks the swtpm TPM
   *     versions by its prefix, not by the QEMU version inside the recording (the
   *     {@code caps_7.0.0.aarch64} recording is a QEMU 6.2.50 development build)
   */
  static HostFacts host(String arch, String version) {
    return HostFacts.overriding(LibvirtTestSuiteHost.facts(arch, 0))
        .swtpm(swtpm(version))
        .build();
  }

  /** The loader paths the harness puts in place of the real ones, after filling. */
  static List<String> loaderValues(LibvirtVersion libvirt) {
    return libvirt.atLeast(LibvirtVersion.V11_3)
        ? List.of("/obviously/fake/firmware1.fd", "/obviously/fake/firmware2.fd")
        : LibvirtTestSuiteHost.LOADER_VALUES;
  }

  static FillFacts fillFacts(HostFacts host, ResolvedRequest request) {
    // 11.3's harness configures a qemu-rdp helper name the mock finds.
    return FillFacts.of(host, request).withS390SecureGuest(true)
        .withQemuRdp(request.caps().libvirt().atLeast(LibvirtVersion.V11_3));
  }

  /** 3.x to 5.x: TPM 1.2 only; 6.x: 1.2 and 2.0; anything else 2.0 only (domaincapstest.c). */
  static Swtpm swtpm(String version) {
    if (version.startsWith("3.") || version.startsWith("4.") || version.startsWith("5.")) {
      return Swtpm.withVersions("1.2");
    }
    if (version.startsWith("6.")) {
      return Swtpm.withVersions("1.2", "2.0");
    }
    return Swtpm.withVersions("2.0");
  }
}

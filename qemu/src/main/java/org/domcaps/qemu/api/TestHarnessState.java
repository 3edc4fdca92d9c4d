// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.build.FillFacts;

/**
 * The host state libvirt 9.0.0's domaincapstest injects (tests/domaincapstest.c,
 * testutilsqemu.c, domaincapsmock.c), expressed as ordinary fill facts and overrides so a replay
 * goes through the same builder as a live host.
 */
public final class TestHarnessState {
  /** The loader list the harness writes over whatever the fill found. */
  public static final List<String> LOADER_VALUES = List.of(
      "/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF32_CODE.fd",
      "/usr/share/OVMF/OVMF_CODE.fd");

  /** The mocked CPUID 0x8000001F (ECX=509, EDX=451) gives these SEV guest limits. */
  private static final FillFacts.SevGuests SEV_GUESTS = new FillFacts.SevGuests(509 - 451 + 1, 451 - 1);

  private TestHarnessState() {}

  /**
   * Facts for a golden of the given QEMU version string: KVM limit INT_MAX, VFIO forced, swtpm
   * present with the versions the harness assigns by QEMU version, the mocked SEV CPUID, and the
   * s390 secure-guest check mocked to succeed (so the two QEMU flags decide).
   */
  public static FillFacts fillFacts(String qemuVersion) {
    return new FillFacts(Integer.MAX_VALUE, FillFacts.Vfio.ASSUMED,
        Optional.of(swtpmVersions(qemuVersion)), Optional.of(SEV_GUESTS), Optional.of(true));
  }

  /** By version prefix: 3., 4., 5. give TPM 1.2 only; 6. both; anything else 2.0 only. */
  static List<String> swtpmVersions(String qemuVersion) {
    if (qemuVersion.startsWith("3.") || qemuVersion.startsWith("4.")
        || qemuVersion.startsWith("5.")) {
      return List.of("1.2");
    }
    if (qemuVersion.startsWith("6.")) {
      return List.of("1.2", "2.0");
    }
    return List.of("2.0");
  }
}

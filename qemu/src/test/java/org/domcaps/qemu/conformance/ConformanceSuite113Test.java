// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * libvirt 11.3.0's own recorded suite: 49 goldens regenerated from its capability cache files with
 * the host facts its harness injects, the release taken from the directory's name.
 */
class ConformanceSuite113Test {
  private static Path suite() {
    return SharedData.root().resolve("conformance/libvirt-11.3.0");
  }

  @Test
  void everyRecordedGoldenIsRegeneratedByteForByte() throws Exception {
    ConformanceReport report =
        ConformanceSuite.run(suite(), Optional.of(suite().resolve("firmware")));
    assertThat(report.results()).hasSize(49);
    assertThat(report.lines()).containsExactly(
        "49/49 identical outside <cpu>", "49/49 byte-identical");
  }

  @Test
  void theReleaseComesFromTheDirectoryName() {
    assertThat(ConformanceSuite.releaseOf(suite())).isEqualTo(LibvirtVersion.V11_3);
    assertThat(ConformanceSuite.releaseOf(SharedData.conformance())).isEqualTo(LibvirtVersion.V9_0);
    assertThat(ConformanceSuite.releaseOf(Path.of("/tmp/some-suite")))
        .isEqualTo(LibvirtVersion.V9_0);
    assertThatThrownBy(() -> ConformanceSuite.releaseOf(Path.of("/x/libvirt-10.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("libvirt 10.0.0").hasMessageContaining("/x/libvirt-10.0.0");
  }

  @Test
  void elevenThreeGoldenNamesCarryHvfAndVariants() {
    GoldenName hvf = GoldenName.parse("qemu_7.2.0-hvf.x86_64+hvf.xml").orElseThrow();
    assertThat(hvf.virtType()).isEqualTo("hvf");
    assertThat(hvf.machine()).isEmpty();
    assertThat(hvf.qemuCapsName(LibvirtVersion.V11_3)).isEqualTo("caps_7.2.0_x86_64+hvf.xml");
    GoldenName sev = GoldenName.parse("qemu_9.2.0-q35.x86_64+amdsev.xml").orElseThrow();
    assertThat(sev.virtType()).isEqualTo("kvm");
    assertThat(sev.machine()).contains("q35");
    assertThat(sev.variant()).isEqualTo("+amdsev");
    GoldenName riscv = GoldenName.parse("qemu_9.1.0-tcg-virt.riscv64.xml").orElseThrow();
    assertThat(riscv.virtType()).isEqualTo("qemu");
    assertThat(riscv.machine()).contains("virt");
    assertThat(riscv.qemuCapsName(LibvirtVersion.V9_0)).isEqualTo("caps_9.1.0.riscv64.xml");
  }
}

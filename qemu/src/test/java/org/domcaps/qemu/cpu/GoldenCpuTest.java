// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.qemu.conformance.GoldenName;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.testing.ConformanceFiles;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code <cpu>} element of each of libvirt 9.0.0's 44 domain-capabilities goldens, computed
 * from the matching capabilities-cache file with libvirt's test-harness host facts.
 */
class GoldenCpuTest {
  @Test
  void allFortyFourGoldensAreCovered() throws Exception {
    assertThat(ConformanceFiles.domainCaps()).hasSize(44);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#domainCaps")
  void cpuElementMatchesGolden(Path golden) throws Exception {
    Optional<GoldenName> parsed = GoldenName.parse(golden.getFileName().toString());
    assertThat(parsed).as("golden name %s", golden.getFileName()).isPresent();
    GoldenName name = parsed.get();
    String virtType = name.virtType();
    String arch = name.arch();
    QemuCaps caps =
        QemuCapsXml.read(SharedData.conformance().resolve("qemucaps/" + name.qemuCapsName()));
    GoldenCpuReader.Golden expected = GoldenCpuReader.read(golden);

    Cpu got = CpuCapabilitiesResolver.resolve(
        caps, virtType, arch, expected.machine(), HostCpuFacts.libvirtTestHarness(arch));

    assertThat(got).isEqualTo(expected.cpu());
    assertThat(CpuText.of(got)).isEqualTo(expected.cpuText());
  }
}

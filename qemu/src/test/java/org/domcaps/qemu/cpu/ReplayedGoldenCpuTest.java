// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.qemu.conformance.GoldenName;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code <cpu>} element of each libvirt 9.0.0 golden, this time from the raw QMP recording
 * ({@code .replies}) replayed through the probe rather than from libvirt's cache file.
 */
class ReplayedGoldenCpuTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#domainCaps")
  void cpuElementFromRepliesMatchesGolden(Path golden) throws Exception {
    Optional<GoldenName> parsed = GoldenName.parse(golden.getFileName().toString());
    assertThat(parsed).as("golden name %s", golden.getFileName()).isPresent();
    GoldenName name = parsed.get();
    String arch = name.arch();
    Path replies = SharedData.conformance().resolve("replies/" + name.repliesName());
    QemuCaps caps = QemuProbe.replay(replies,
        ProbeContexts.archOnly("/usr/bin/qemu-system-" + arch, arch));
    GoldenCpuReader.Golden expected = GoldenCpuReader.read(golden);

    Cpu got = CpuCapabilitiesResolver.resolve(caps, name.virtType(), arch,
        expected.machine(), HostCpuFacts.libvirtTestHarness(arch));

    assertThat(CpuText.of(got)).isEqualTo(expected.cpuText());
  }
}

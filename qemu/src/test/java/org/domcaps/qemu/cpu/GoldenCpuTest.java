// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code <cpu>} element of each of libvirt 9.0.0's 44 domain-capabilities goldens, computed
 * from the matching capabilities-cache file with libvirt's test-harness host facts.
 */
class GoldenCpuTest {
  private static final Pattern NAME = Pattern.compile("qemu_([0-9.]+)(-tcg)?(-q35|-virt)?\\.([a-z0-9_]+)\\.xml");

  static Stream<Path> goldens() throws Exception {
    return Files.list(SharedData.conformance().resolve("domaincaps"))
        .filter(p -> p.getFileName().toString().endsWith(".xml"))
        .sorted();
  }

  @Test
  void allFortyFourGoldensAreCovered() throws Exception {
    assertThat(goldens().toList()).hasSize(44);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void cpuElementMatchesGolden(Path golden) throws Exception {
    Matcher m = NAME.matcher(golden.getFileName().toString());
    assertThat(m.matches()).as("golden name %s", golden.getFileName()).isTrue();
    String version = m.group(1);
    String virtType = m.group(2) != null ? "qemu" : "kvm";
    String arch = m.group(4);
    QemuCaps caps = QemuCapsXml.read(
        SharedData.conformance().resolve("qemucaps/caps_" + version + "." + arch + ".xml"));
    GoldenCpuReader.Golden expected = GoldenCpuReader.read(golden);

    CpuCapabilities got = CpuCapabilitiesResolver.resolve(
        caps, virtType, arch, expected.machine(), HostCpuFacts.libvirtTestHarness(arch));

    assertThat(got).isEqualTo(expected.cpu());
    assertThat(CpuXml.format(got)).isEqualTo(expected.cpuText());
  }
}

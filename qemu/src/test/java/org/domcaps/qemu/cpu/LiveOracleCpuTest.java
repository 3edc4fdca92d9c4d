// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.domcaps.model.Cpu;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.launch.LiveConnector;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code <cpu>} element of the 45 live oracle files ({@code virsh domcapabilities --virttype
 * qemu} with QEMU 7.2 on an x86_64 host) from a live probe of the same emulator binary on this
 * machine. The TCG results do not depend on the host CPU; each binary is probed once.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveOracleCpuTest {
  private static final Pattern PATH = Pattern.compile("<path>([^<]+)</path>");
  private static final Map<String, QemuCaps> PROBED = new ConcurrentHashMap<>();

  static Stream<Path> oracleFiles() throws IOException {
    return Files.walk(SharedData.oracle())
        .filter(p -> p.toString().endsWith(".xml"))
        .filter(p -> !p.getFileName().toString().equals("capabilities.xml"))
        .sorted();
  }

  private static QemuCaps probe(String binary) {
    return PROBED.computeIfAbsent(binary, b -> {
      try {
        return QemuProbe.probe(new LiveConnector(Path.of(b)),
            ProbeContexts.archOnly(b, "x86_64"));
      } catch (IOException e) {
        throw new UncheckedIOException("probing " + b, e);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oracleFiles")
  void cpuElementMatchesOracle(Path oracle) throws Exception {
    Matcher m = PATH.matcher(Files.readString(oracle));
    assertThat(m.find()).as("emulator path in %s", oracle).isTrue();
    String binary = m.group(1);
    Assumptions.assumeTrue(Files.isExecutable(Path.of(binary)),
        "skipped: " + binary + " is not installed, cannot probe it live");
    Assumptions.assumeTrue(LibvirtArch.host().equals("x86_64"),
        "skipped: the oracle was recorded on an x86_64 host; this host is " + LibvirtArch.host());
    GoldenCpuReader.Golden expected = GoldenCpuReader.read(oracle);
    String arch = oracle.getParent().getFileName().toString();

    Cpu got = CpuCapabilitiesResolver.resolve(
        probe(binary), "qemu", arch, expected.machine(), new LiveHostCpuFacts());

    assertThat(got).isEqualTo(expected.cpu());
    assertThat(CpuText.of(got)).isEqualTo(expected.cpuText());
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domcaps.model.Cpu;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.launch.LiveConnector;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KVM {@code <cpu>} against libvirt 9.0.0 run embedded on this machine at the same moment
 * ({@code virsh -c qemu:///embed?root=DIR domcapabilities --virttype kvm}). The KVM host-model
 * reflects this host's CPU, so there is no stored oracle. Needs a usable /dev/kvm and what
 * {@link EmbeddedLibvirt#unavailable()} names.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveKvmCpuTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"x86_64,", "x86_64,q35", "x86_64,pc", "i686,", "i686,q35", "i686,pc"})
  void kvmCpuMatchesLibvirtEmbedded(String arch, String machine) throws Exception {
    Path kvm = Path.of("/dev/kvm");
    Assumptions.assumeTrue(Files.isReadable(kvm) && Files.isWritable(kvm),
        "skipped: /dev/kvm is not usable");
    Assumptions.assumeTrue(LibvirtArch.host().equals("x86_64"), "skipped: not an x86_64 host");
    String binary = arch.equals("i686") ? "/usr/bin/qemu-system-i386"
        : "/usr/bin/qemu-system-x86_64";
    Assumptions.assumeTrue(Files.isExecutable(Path.of(binary)), "skipped: " + binary
        + " not installed");

    String libvirt = libvirtDomcaps(arch, machine);
    int start = libvirt.indexOf("  <cpu>\n");
    String expectedCpu = libvirt.substring(start, libvirt.indexOf("  </cpu>\n", start) + 9);
    String canonical = libvirt.replaceAll("(?s).*<machine>([^<]+)</machine>.*", "$1");

    QemuCaps caps = QemuProbe.probe(new LiveConnector(Path.of(binary)),
        ProbeContexts.archOnly(binary, "x86_64"));
    Cpu got = CpuCapabilitiesResolver.resolve(caps, "kvm", arch, canonical, new LiveHostCpuFacts());

    assertThat(got).isEqualTo(DomainCapabilitiesXml.parse(libvirt).cpu().orElseThrow());
    assertThat(CpuText.of(got)).isEqualTo(expectedCpu);
  }

  private static String libvirtDomcaps(String arch, String machine) {
    EmbeddedLibvirt.assumeAvailable();
    List<String> args =
        new ArrayList<>(List.of("domcapabilities", "--virttype", "kvm", "--arch", arch));
    if (machine != null) {
      args.addAll(List.of("--machine", machine));
    }
    try (EmbeddedLibvirt lv = EmbeddedLibvirt.privileged("user = \"root\"\ngroup = \"root\"\n")) {
      EmbeddedLibvirt.Result r = lv.virsh(Map.of(), args);
      assertThat(r.status()).as("virsh status, stderr: %s", r.stderr()).isZero();
      return r.stdout();
    }
  }
}

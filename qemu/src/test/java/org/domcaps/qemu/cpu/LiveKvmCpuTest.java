// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.launch.LiveConnector;
import org.domcaps.qemu.probe.ProbeContext;
import org.domcaps.qemu.probe.QemuProbe;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * KVM {@code <cpu>} against libvirt 9.0.0 run embedded on this machine at the same moment
 * ({@code virsh -c qemu:///embed?root=DIR domcapabilities --virttype kvm}). The KVM host-model
 * reflects this host's CPU, so there is no stored oracle. Needs root, a usable /dev/kvm and virsh.
 * A privileged embedded libvirt resolves the user {@code libvirt-qemu} even when qemu.conf names
 * another; where that user does not exist, set {@code -Ddomcaps.virsh=WRAPPER} to a virsh wrapper
 * that provides it (scripts/virsh-with-libvirt-qemu.sh).
 */
class LiveKvmCpuTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"x86_64,", "x86_64,q35", "x86_64,pc", "i686,", "i686,q35", "i686,pc"})
  void kvmCpuMatchesLibvirtEmbedded(String arch, String machine, @TempDir Path root) throws Exception {
    Path kvm = Path.of("/dev/kvm");
    Assumptions.assumeTrue(Files.isReadable(kvm) && Files.isWritable(kvm), "skipped: /dev/kvm is not usable");
    Assumptions.assumeTrue(LibvirtArch.host().equals("x86_64"), "skipped: not an x86_64 host");
    String binary = arch.equals("i686") ? "/usr/bin/qemu-system-i386" : "/usr/bin/qemu-system-x86_64";
    Assumptions.assumeTrue(Files.isExecutable(Path.of(binary)), "skipped: " + binary + " not installed");

    String libvirt = libvirtDomcaps(root, arch, machine);
    int start = libvirt.indexOf("  <cpu>\n");
    String expectedCpu = libvirt.substring(start, libvirt.indexOf("  </cpu>\n", start) + 9);
    String canonical = libvirt.replaceAll("(?s).*<machine>([^<]+)</machine>.*", "$1");

    QemuCaps caps = QemuProbe.probe(new LiveConnector(Path.of(binary)),
        ProbeContext.builder(binary).hostArch("x86_64").build());
    CpuCapabilities got = CpuCapabilitiesResolver.resolve(caps, "kvm", arch, canonical, new LiveHostCpuFacts());

    assertThat(CpuXml.format(got)).isEqualTo(expectedCpu);
  }

  private static String libvirtDomcaps(Path root, String arch, String machine) throws Exception {
    Assumptions.assumeTrue(isRoot(), "skipped: libvirt embedded needs root to use KVM");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/qemu.conf"), "user = \"root\"\ngroup = \"root\"\n");
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("domcaps.virsh", "virsh").split(" ")));
    cmd.addAll(List.of("-c", "qemu:///embed?root=" + root, "domcapabilities", "--virttype", "kvm", "--arch", arch));
    if (machine != null) {
      cmd.addAll(List.of("--machine", machine));
    }
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectError(root.resolve("virsh.err").toFile()).start();
    } catch (IOException e) {
      Assumptions.abort("skipped: cannot run virsh (" + e.getMessage() + ")");
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("virsh finished").isTrue();
    String err = Files.readString(root.resolve("virsh.err"));
    Assumptions.assumeFalse(err.contains("Failed to parse user 'libvirt-qemu'"),
        "skipped: this host has no libvirt-qemu user (set -Ddomcaps.virsh to a wrapper that provides it)");
    assertThat(p.exitValue()).as("virsh status, stderr: %s", err).isZero();
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).filter(x -> !x.equals(root)).forEach(x -> x.toFile().delete());
    }
    return out;
  }

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
    } catch (IOException e) {
      return false;
    }
  }
}

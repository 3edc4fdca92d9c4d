// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.qmp.RepliesFile;
import org.domcaps.qemu.qmp.ReplayTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our own QEMU 7.2 recordings ({@code domcaps probe --record}, see qemu-7.2/README.md), each
 * beside the capability-cache file libvirt 9.0.0 wrote for the same binary on the same machine.
 * They cover what libvirt's test data does not: a host without KVM (virt type "none": libvirt
 * expands {@code host} under TCG and probes Hyper-V) and ppc64 from QEMU 7.2.
 *
 * <p>The whole file is compared byte for byte. The host-identity fields (binary ctime, module dir
 * mtime, libvirt's own ctime and version, microcode, CPU signature, kernel, CPUID data, KVM
 * nesting) are not in a QMP recording, so they are injected through {@link ProbeContext} with the
 * values libvirt recorded in its file; everything else comes from the replayed session.
 */
class Qemu72RecordingTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = Qemu72RecordingTest.class.getResourceAsStream("qemu-7.2/" + name)) {
      assertThat(in).as("test resource qemu-7.2/%s", name).isNotNull();
      return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The facts libvirt stored beside the capabilities, as the probe's context. */
  private static ProbeContext hostFactsOf(QemuCaps libvirt) {
    return ProbeContext.builder(libvirt.emulator())
        .hostArch("x86_64")
        .qemuCtime(libvirt.qemuCtime())
        .qemuModDirMtime(libvirt.qemuModDirMtime().orElse(null))
        .selfCtime(libvirt.selfCtime())
        .selfVersion(libvirt.selfVersion())
        .microcodeVersion(libvirt.microcodeVersion())
        .hostCpuSignature(libvirt.hostCpuSignature().orElse(null))
        .kernelVersion(libvirt.kernelVersion().orElse(null))
        .cpuDataXml(libvirt.cpuDataXml().orElse(null))
        .kvmSupportsNesting(libvirt.kvmSupportsNesting())
        .kvmSupportsSecureGuest(libvirt.kvmSupportsSecureGuest())
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x86_64-kvm", "x86_64-nokvm", "aarch64", "ppc64", "s390x"})
  void replayWritesLibvirtsCacheFile(String name) throws IOException {
    String libvirt = resource(name + ".xml.gz");
    ReplayTransport replay =
        new ReplayTransport(RepliesFile.parse(resource(name + ".replies.gz"), name), name);
    ReplayConnector connector = new ReplayConnector(replay);
    QemuCaps caps = QemuProbe.probe(connector, hostFactsOf(QemuCapsXml.read(libvirt)));
    connector.assertFullyReplayed();
    assertThat(QemuCapsXml.write(caps)).isEqualTo(libvirt);

    String arch = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
    assertThat(caps.arch()).isEqualTo(arch);
    assertThat(caps.emulator()).isEqualTo("/usr/bin/qemu-system-" + arch);
    assertThat(caps.has("kvm")).isEqualTo(name.equals("x86_64-kvm"));
    assertThat(caps.has("tcg")).isTrue();
    switch (name) {
      case "x86_64-kvm" -> {
        // Two phases: KVM's record from the first, TCG's from the second.
        assertThat(caps.accel(Accel.KVM).hostCpu()).isPresent();
        assertThat(caps.accel(Accel.TCG).hostCpu()).isPresent();
        assertThat(caps.accel(Accel.KVM).machines()).isNotEmpty();
        assertThat(caps.accel(Accel.TCG).machines()).isNotEmpty();
        assertThat(caps.cpuDataXml()).isPresent();
      }
      case "x86_64-nokvm" -> {
        // Virt type "none": the TCG record holds the expansion of "host", and Hyper-V was probed.
        assertThat(caps.accel(Accel.KVM).machines()).isEmpty();
        assertThat(caps.accel(Accel.TCG).hostCpu()).isPresent();
        assertThat(caps.hyperv()).hasValueSatisfying(
            h -> assertThat(h.features()).containsExactly("spinlocks", "vendor_id"));
      }
      case "aarch64" -> {
        assertThat(caps.accel(Accel.TCG).hostCpu()).isEmpty();
        assertThat(caps.gic()).isNotEmpty();
      }
      default -> assertThat(caps.accel(Accel.TCG).hostCpu()).isEmpty();
    }
  }
}

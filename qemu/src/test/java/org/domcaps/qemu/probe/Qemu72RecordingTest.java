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
 * Our own QEMU 7.2 recordings, including hosts without KVM (virt type "none": libvirt expands
 * {@code host} under TCG), which libvirt's test data does not cover.
 */
class Qemu72RecordingTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = Qemu72RecordingTest.class.getResourceAsStream("qemu-7.2/" + name)) {
      assertThat(in).as("test resource qemu-7.2/%s", name).isNotNull();
      return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"x86_64-kvm", "x86_64-nokvm", "aarch64-nokvm", "s390x-nokvm"})
  void replayMatchesExpectedCache(String name) throws IOException {
    String arch = name.substring(0, name.indexOf('-'));
    ReplayTransport replay =
        new ReplayTransport(RepliesFile.parse(resource(name + ".replies.gz"), name), name);
    ReplayConnector connector = new ReplayConnector(replay);
    QemuCaps caps = QemuProbe.probe(connector, ProbeContext.builder("/usr/bin/qemu-system-" + arch).build());
    connector.assertFullyReplayed();
    assertThat(QemuCapsXml.write(caps)).isEqualTo(resource(name + ".xml.gz"));

    boolean kvm = name.endsWith("-kvm");
    assertThat(caps.has("kvm")).isEqualTo(kvm);
    assertThat(caps.has("tcg")).isTrue();
    if (name.equals("x86_64-nokvm")) {
      // virt type "none": the TCG record holds the expansion of "host", and Hyper-V was probed.
      assertThat(caps.accel(Accel.TCG).hostCpu()).isPresent();
      assertThat(caps.hyperv()).hasValueSatisfying(
          h -> assertThat(h.features()).containsExactly("spinlocks", "vendor_id"));
    }
    if (name.equals("aarch64-nokvm") || name.equals("s390x-nokvm")) {
      assertThat(caps.accel(Accel.TCG).hostCpu()).isEmpty();
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.domcaps.qemu.conformance.TextComparison;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.EmbeddedLibvirt113;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.junit.jupiter.api.Test;

/**
 * {@code --libvirt 11.3} against libvirt 11.3.0 itself, run live on this machine through the
 * launcher of {@code ../shared/tools/libvirt-11.3-env.sh} (a fresh root per request): TCG answers
 * for one request of each arch family (the full 45 are measured by {@code scripts/oracle-11.3.sh}
 * and the scoreboard), and the KVM answers when /dev/kvm is usable.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class Libvirt113VsLiveTest {
  private static final List<List<String>> TCG = List.of(
      List.of("--virttype", "qemu", "--arch", "x86_64"),
      List.of("--virttype", "qemu", "--arch", "x86_64", "--machine", "q35"),
      List.of("--virttype", "qemu", "--arch", "i686"),
      List.of("--virttype", "qemu", "--arch", "aarch64"),
      List.of("--virttype", "qemu", "--arch", "armv7l"),
      List.of("--virttype", "qemu", "--arch", "ppc64", "--machine", "pseries"),
      List.of("--virttype", "qemu", "--arch", "ppc"),
      List.of("--virttype", "qemu", "--arch", "s390x"),
      List.of("--virttype", "qemu", "--arch", "riscv64"),
      List.of("--virttype", "qemu", "--arch", "m68k"));
  private static final List<List<String>> KVM = List.of(
      List.of("--virttype", "kvm", "--arch", "x86_64"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "q35"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "pc"),
      List.of("--virttype", "kvm", "--arch", "i686"),
      List.of("--virttype", "kvm", "--arch", "i686", "--machine", "q35"));

  @Test
  void tcgAnswersEqualLibvirt113() throws Exception {
    assertThat(differences(TCG)).isEmpty();
  }

  @Test
  void kvmAnswersEqualLibvirt113() throws Exception {
    assumeTrue(KvmDevice.usable(KvmDevice.PATH), "skipped: /dev/kvm is not usable here");
    assertThat(differences(KVM)).isEmpty();
  }

  private static List<String> differences(List<List<String>> requests) throws Exception {
    EmbeddedLibvirt113.assumeAvailable();
    // Other checkouts' tests may be editing /etc/qemu/firmware; wait for them.
    try (HostFirmwareLock lock = HostFirmwareLock.shared()) {
      Options options = LiveOptions.forHost(new org.domcaps.qemu.host.LiveHostFacts(), w -> {},
          LibvirtVersion.V11_3);
      List<String> differing = new ArrayList<>();
      for (List<String> args : requests) {
        EmbeddedLibvirt.Result r = EmbeddedLibvirt113.domcapabilities(args);
        assertThat(r.status()).as("libvirt 11.3 %s, stderr: %s", args, r.stderr()).isZero();
        // libvirt 11.3's virsh adds one newline after the document.
        String ours =
            DomainCapabilitiesXml.format(
                DomCaps.answer(KvmVsLibvirtTest.request(args), options)) + "\n";
        if (!ours.equals(r.stdout())) {
          differing.add(String.join(" ", args) + ": "
              + TextComparison.firstDifference(r.stdout(), ours).orElse(""));
        }
      }
      return differing;
    }
  }

}

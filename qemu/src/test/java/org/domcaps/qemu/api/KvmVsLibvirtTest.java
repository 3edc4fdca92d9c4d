// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.domcaps.qemu.conformance.TextComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.junit.jupiter.api.Test;

/**
 * {@code --virttype kvm} against libvirt 9.0.0 itself, run live on this machine in embedded mode
 * ({@link EmbeddedLibvirt}, privileged, a fresh root per request, libvirt's default qemu.conf).
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class KvmVsLibvirtTest {
  private static final List<List<String>> REQUESTS = List.of(
      List.of("--virttype", "kvm", "--arch", "x86_64"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "q35"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "pc"),
      List.of("--virttype", "kvm", "--arch", "i686"),
      List.of("--virttype", "kvm", "--arch", "i686", "--machine", "q35"),
      List.of("--virttype", "kvm", "--arch", "i686", "--machine", "pc"),
      List.of());

  @Test
  void kvmAnswersEqualLibvirtOnThisMachine() throws Exception {
    // Other checkouts' tests may be editing /etc/qemu/firmware; wait for them.
    try (HostFirmwareLock lock = HostFirmwareLock.shared()) {
      assumeTrue(KvmDevice.usable(KvmDevice.PATH), "skipped: /dev/kvm is not usable here");
      EmbeddedLibvirt.assumeAvailable();
      Options options = LiveOptions.forThisHost(w -> {});
      List<String> differing = new ArrayList<>();
      for (List<String> args : REQUESTS) {
        String libvirt = virsh(args);
        String ours = DomainCapabilitiesXml.format(DomCaps.answer(request(args), options)) + "\n\n";
        if (!ours.equals(libvirt)) {
          differing.add(String.join(" ", args) + ": "
              + TextComparison.firstDifference(libvirt, ours).orElse(""));
        }
      }
      assertThat(differing).isEmpty();
    }
  }

  /** The request virsh's {@code --virttype/--arch/--machine} ARGS stand for. */
  static DomCapsRequest request(List<String> args) {
    DomCapsRequest r = DomCapsRequest.defaults();
    for (int i = 0; i < args.size(); i += 2) {
      String v = args.get(i + 1);
      r = switch (args.get(i)) {
        case "--virttype" -> r.withVirtType(v);
        case "--arch" -> r.withArch(v);
        case "--machine" -> r.withMachine(v);
        default -> throw new IllegalArgumentException(args.get(i));
      };
    }
    return r;
  }

  /** libvirt's stdout for the request, from a fresh embedded driver. */
  private static String virsh(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("domcapabilities"));
    cmd.addAll(args);
    try (EmbeddedLibvirt lv = EmbeddedLibvirt.privileged(null)) {
      EmbeddedLibvirt.Result r = lv.virsh(Map.of(), cmd);
      assertThat(r.status()).as("virsh %s exit status, stderr: %s", args, r.stderr()).isZero();
      return r.stdout();
    }
  }
}

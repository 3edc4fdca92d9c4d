// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The eight refusals recorded from libvirt 9.0.0 ({@code bad-requests.txt}), against the real
 * emulators of this machine: same text after {@code error: }, except that a binary that is not
 * QEMU is named as such, and that {@code --virttype kvm} is refused only without usable KVM.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class BadRequestsTest {
  /** One recorded refusal: virsh's arguments and the message after {@code error: }. */
  record Recorded(String args, DomCapsRequest request, String message) {}

  static List<Recorded> recorded() throws Exception {
    List<String> lines = Files.readAllLines(SharedData.oracle().resolve("bad-requests.txt"));
    List<Recorded> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("$ virsh domcapabilities ")) {
        continue;
      }
      String args = line.substring("$ virsh domcapabilities ".length());
      String[] a = args.split(" ");
      DomCapsRequest r = DomCapsRequest.defaults();
      for (int k = 0; k + 1 < a.length; k += 2) {
        r = switch (a[k]) {
          case "--virttype" -> r.withVirtType(a[k + 1]);
          case "--arch" -> r.withArch(a[k + 1]);
          case "--machine" -> r.withMachine(a[k + 1]);
          case "--emulatorbin" -> r.withEmulatorBin(a[k + 1]);
          default -> throw new AssertionError("unexpected option in " + line);
        };
      }
      out.add(new Recorded(args, r, lines.get(i + 2).substring("error: ".length())));
    }
    return out;
  }

  @Test
  void everyRecordedRefusalIsWordedAsLibvirtDoes() throws Exception {
    // Other checkouts' tests may be editing /etc/qemu/firmware; wait for them.
    try (HostFirmwareLock lock = HostFirmwareLock.shared()) {
      Options options = LiveOptions.forThisHost(w -> {});
      List<Recorded> all = recorded();
      assertThat(all).hasSize(8);
      boolean kvm = KvmDevice.usable(KvmDevice.PATH);
      for (Recorded r : all) {
        if (r.args().equals("--virttype kvm --arch x86_64") && kvm) {
          // libvirt refused this only because its host had no usable /dev/kvm.
          assertThat(DomCaps.answer(r.request(), options).domain()).isEqualTo("kvm");
          continue;
        }
        DomCapsException e = catchThrowableOfType(DomCapsException.class,
            () -> DomCaps.answer(r.request(), options));
        assertThat(e).as(r.args()).isNotNull();
        if (r.args().contains("/bin/true")) {
          assertThat(e.code()).isEqualTo(DomCapsException.Code.NOT_QEMU);
          assertThat(e.getMessage()).contains("/bin/true").contains("not a usable QEMU");
        } else {
          assertThat(e.getMessage()).as(r.args()).isEqualTo(r.message());
        }
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomCapsRequestEqualityTest {
  @Test
  void requestsWithTheSamePartsAreEqual() {
    DomCapsRequest a = DomCapsRequest.of("/usr/bin/qemu-system-x86_64", "x86_64", "q35", "kvm");
    DomCapsRequest b = DomCapsRequest.defaults().withEmulatorBin("/usr/bin/qemu-system-x86_64")
        .withArch("x86_64").withMachine("q35").withVirtType("kvm");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(new HashSet<>(List.of(a, b))).hasSize(1);
    assertThat(DomCapsRequest.defaults()).isEqualTo(DomCapsRequest.of(null, null, null, null));
  }

  @Test
  void anyDifferentPartMakesADifferentRequest() {
    DomCapsRequest a = DomCapsRequest.of("/usr/bin/qemu-system-x86_64", "x86_64", "q35", "kvm");
    assertThat(a).isNotEqualTo(a.withEmulatorBin(null))
        .isNotEqualTo(a.withArch("i686"))
        .isNotEqualTo(a.withMachine("pc"))
        .isNotEqualTo(a.withVirtType("qemu"))
        .isNotEqualTo(a.withMachine("Q35")) // libvirt's names are case-sensitive
        .isNotEqualTo("--virttype kvm");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Devices by name: libvirt's order, set by name or by accessor alike. */
class DevicesTest {
  @Test
  void namedAndTypedSettersAgree() {
    Capability disk = Capability.supported(CapsEnum.of("bus", "virtio"));
    Devices byName = Devices.builder().device("disk", disk)
        .device("channel", Capability.unsupported()).build();
    Devices typed = Devices.builder().disk(disk).channel(Capability.unsupported()).build();
    assertThat(byName).isEqualTo(typed);
    assertThat(byName.inOrder()).hasSize(Devices.NAMES.size()).startsWith(disk);
    assertThat(byName.inOrder().get(8)).isEqualTo(Capability.unsupported());
    assertThat(byName.channel()).isEqualTo(Capability.unsupported());
    assertThat(byName.inOrder().subList(1, 8)).containsOnly(Capability.absent());
    assertThat(byName.inOrder().subList(9, 13)).containsOnly(Capability.absent());
  }

  @Test
  void refusesADeviceLibvirtDoesNotPrint() {
    assertThatThrownBy(() -> Devices.builder().device("frobnicator", Capability.unsupported()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown device 'frobnicator'");
  }

  @Test
  void knowsTheDevicesThatCameAfterLibvirt9() {
    Capability crypto = Capability.supported(CapsEnum.of("model", "virtio"));
    Devices d = Devices.builder().crypto(crypto).iface(Capability.unsupported()).build();
    assertThat(d.crypto()).isEqualTo(crypto);
    assertThat(d.device("interface")).isEqualTo(Capability.unsupported());
    assertThat(d.console()).isEqualTo(Capability.absent());
    assertThat(d.toBuilder().build()).isEqualTo(d);
  }
}

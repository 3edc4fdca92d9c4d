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
    assertThat(byName.inOrder()).hasSize(Devices.NAMES.size())
        .startsWith(disk).endsWith(Capability.unsupported());
    assertThat(byName.inOrder().subList(1, 8)).containsOnly(Capability.absent());
  }

  @Test
  void refusesADeviceLibvirtDoesNotPrint() {
    assertThatThrownBy(() -> Devices.builder().device("crypto", Capability.unsupported()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown device 'crypto'");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** libvirt's enum table: names per element in printing order, unknown names kept in place. */
class EnumOrderTest {
  @Test
  void listsLibvirtsPrintingOrder() {
    assertThat(EnumOrder.allowed("disk")).containsExactly("diskDevice", "bus", "model");
    assertThat(EnumOrder.allowed("tpm")).containsExactly("model", "backendModel", "backendVersion");
    assertThat(EnumOrder.allowed("vcpu")).isEmpty();
  }

  @Test
  void sortsIntoThatOrderKeepingUnknownNamesAfterTheKnownNameTheyFollowed() {
    List<CapsEnum> given = List.of(CapsEnum.of("zeta"), CapsEnum.of("model", "virtio"),
        CapsEnum.of("alpha"), CapsEnum.of("diskDevice", "disk"));
    assertThat(EnumOrder.sorted("disk", given)).extracting(CapsEnum::name)
        .containsExactly("zeta", "diskDevice", "model", "alpha");
    assertThat(given).extracting(CapsEnum::name).startsWith("zeta");
  }
}

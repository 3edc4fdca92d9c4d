// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelCmdlineTest {
  private static final List<String> ON = List.of("y", "Y", "on", "ON", "oN", "On", "1");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "root=/dev/sda1 prot_virt=1 quiet | true",
    "prot-virt=yes | true",
    "prot_virt=yFOO | true",
    "prot_virt=0 | false",
    "prot_virt=0 prot_virt=1 | true",
    "prot_virt=1 prot_virt=0 | true",
    "prot_virt | false",
    "\"prot_virt=on\" | true",
    "prot_virt=\"1\" | true",
    "foo=\"a prot_virt=1\" | false",
    "protvirt=1 | false",
    "'' | false",
  })
  void protVirt(String cmdline, boolean expected) {
    assertThat(KernelCmdline.matchFirstPrefix(cmdline, "prot_virt", ON)).isEqualTo(expected);
  }
}

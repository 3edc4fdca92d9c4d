// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The identity facts recorded with a probe and keyed on by the cache, read as libvirt reads them.
 */
class HostIdentityTest {
  static final String CPUINFO = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      cpu family\t: 26
      model\t\t: 2
      model name\t: AMD EPYC
      stepping\t: 1
      microcode\t: 0x1000065
      flags\t\t: fpu vme
      
      processor\t: 1
      vendor_id\t: OtherVendor
      """;

  @Test
  void x86SignatureTakesTheFirstOfEachField() {
    assertThat(HostIdentity.signature("x86_64", CPUINFO))
        .contains("AuthenticAMD, AMD EPYC, family: 26, model: 2, stepping: 1");
    assertThat(HostIdentity.signature("aarch64", CPUINFO)).isEmpty();
  }

  @Test
  void microcodeIsParsedWithBaseZeroAsStrtoul() {
    assertThat(HostIdentity.microcode(CPUINFO)).isEqualTo(0x1000065L);
    assertThat(HostIdentity.microcode("microcode : 42\n")).isEqualTo(42);
    assertThat(HostIdentity.microcode("no such line")).isZero();
  }
}

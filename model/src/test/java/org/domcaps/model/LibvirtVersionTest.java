// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LibvirtVersionTest {
  @Test
  void readsShortLongAndPackedForms() {
    assertThat(LibvirtVersion.parse("11.3")).isEqualTo(LibvirtVersion.V11_3);
    assertThat(LibvirtVersion.parse("11.3.0")).isEqualTo(LibvirtVersion.V11_3);
    assertThat(LibvirtVersion.parse("9000000")).isEqualTo(LibvirtVersion.V9_0);
    assertThat(LibvirtVersion.parse("12008001")).hasToString("12.8.1");
  }

  @Test
  void ordersByMajorMinorMicro() {
    assertThat(LibvirtVersion.V11_3).isGreaterThan(LibvirtVersion.V9_0);
    assertThat(LibvirtVersion.of(10, 10, 0).atLeast(LibvirtVersion.of(10, 9, 5))).isTrue();
    assertThat(LibvirtVersion.V9_0.atLeast(LibvirtVersion.V11_3)).isFalse();
  }

  @Test
  void refusesWhatIsNoVersionQuotingIt() {
    assertThatThrownBy(() -> LibvirtVersion.parse("eleven"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid libvirt version \"eleven\": expected MAJOR.MINOR[.MICRO], e.g. 11.3");
    assertThatThrownBy(() -> LibvirtVersion.parse("11"))
        .hasMessageContaining("\"11\"");
  }
}

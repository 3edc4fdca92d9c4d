// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.SevGuestLimits;
import org.junit.jupiter.api.Test;

/** The harness host states every fact itself and has one swtpm stand-in. */
class HarnessHostTest {
  private static QemuCaps caps() {
    return QemuCaps.builder().emulator("/usr/bin/qemu-system-s390x").arch("s390x").build();
  }

  @Test
  void statesTheHarnessFacts() {
    HarnessHost h = HarnessHost.of("s390x", "7.2.0");
    assertThat(h.arch()).isEqualTo("s390x");
    assertThat(h.privileged()).isFalse();
    assertThat(h.kvmUsable()).isTrue();
    assertThat(h.kvmMaxVcpus()).isEqualTo(Integer.MAX_VALUE);
    assertThat(h.pciBackends(caps())).containsExactly("default", "vfio");
    assertThat(h.sevGuestLimits()).isEqualTo(new SevGuestLimits(59, 450));
    assertThat(h.swtpm().tpmVersions()).containsExactly("2.0");
    assertThat(h.defaultEmulator("i686")).contains("/usr/bin/qemu-system-i386");
  }

  @Test
  void swtpmVersionsFollowTheGoldenName() {
    assertThat(HarnessHost.swtpm("4.2.0").tpmVersions()).containsExactly("1.2");
    assertThat(HarnessHost.swtpm("6.2.0").tpmVersions()).containsExactly("1.2", "2.0");
    assertThat(HarnessHost.swtpm("8.0.0").tpmVersions()).containsExactly("2.0");
    assertThat(HarnessHost.swtpm("10.0.0").tpmVersions()).containsExactly("2.0");
  }
}

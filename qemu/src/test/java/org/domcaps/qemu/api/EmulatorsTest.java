// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.domcaps.qemu.firmware.FirmwareWarnings;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The emulator facades over a recorded QEMU 7.2 session (libvirt's x86_64 recording). */
class EmulatorsTest {
  private static final String X86 = "/usr/bin/qemu-system-x86_64";

  private static Options options() throws IOException {
    QemuCaps x86 = QemuProbe.replay(
        SharedData.conformance().resolve("replies/caps_7.2.0.x86_64.replies"),
        ProbeContexts.archOnly(X86, "x86_64"));
    HostFacts host = HostFacts.overriding(new LiveHostFacts()).arch("x86_64")
        .defaultEmulator(a -> a.equals("x86_64") || a.equals("i686") ? Optional.of(X86)
            : Optional.empty())
        .build();
    return Options.builder().host(host)
        .capsLookup(b -> {
          if (!b.equals(X86)) {
            throw new DomCapsException(DomCapsException.Code.SYSTEM_ERROR, "no " + b);
          }
          return x86;
        })
        .firmware(new FirmwareCapsResolver(FirmwareRoots.of(), FirmwareWarnings.IGNORE))
        .build();
  }

  @Test
  void installedListsEachBinaryOnceInLibvirtsArchOrder() throws Exception {
    assertThat(Emulators.installed(options())).containsExactly(X86);
  }

  @Test
  void archAndMachineTypesComeFromTheBinarysOwnReport() throws Exception {
    Options o = options();
    assertThat(Emulators.arch(X86, o)).isEqualTo("x86_64");
    List<Emulators.Machine> tcg = Emulators.machineTypes(X86, "qemu", o);
    assertThat(tcg).filteredOn(Emulators.Machine::isDefault).singleElement()
        .satisfies(m -> assertThat(m.alias()).contains("pc"));
    assertThat(tcg).anySatisfy(m -> {
      assertThat(m.name()).isEqualTo("pc-q35-7.2");
      assertThat(m.alias()).contains("q35");
      assertThat(m.maxCpus()).isEqualTo(288);
    });
    assertThat(tcg).extracting(Emulators.Machine::name).doesNotHaveDuplicates();
    assertThatThrownBy(() -> Emulators.arch("/nonexistent/qemu", o))
        .isInstanceOf(DomCapsException.class).hasMessageContaining("/nonexistent/qemu");
  }
}

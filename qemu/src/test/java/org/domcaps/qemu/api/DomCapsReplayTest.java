// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.domcaps.qemu.firmware.FirmwareWarnings;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.host.SevGuestLimits;
import org.domcaps.qemu.host.Swtpm;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The public API over libvirt's recorded sessions instead of a live QEMU. */
class DomCapsReplayTest {
  private static final String X86 = "/usr/bin/qemu-system-x86_64";
  private static final String AARCH64 = "/usr/bin/qemu-system-aarch64";

  private static QemuCaps replay(String file, String binary) {
    Path p = SharedData.conformance().resolve("replies").resolve(file);
    try {
      return QemuProbe.replay(p, ProbeContexts.archOnly(binary, "x86_64"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Options options() {
    QemuCaps x86 = replay("caps_7.2.0.x86_64.replies", X86);
    QemuCaps arm = replay("caps_7.0.0.aarch64.replies", AARCH64);
    HostFacts host = HostFacts.overriding(new LiveHostFacts())
        .arch("x86_64").privileged(true).kvmMaxVcpus(710).pciBackends(List.of())
        .swtpm(Swtpm.ABSENT).sevGuestLimits(SevGuestLimits.NONE)
        .defaultEmulator(a -> Optional.empty())
        .build();
    return Options.builder()
        .host(host)
        .capsLookup(b -> switch (b) {
          case X86 -> x86;
          case AARCH64 -> arm;
          default -> throw new DomCapsException(DomCapsException.Code.SYSTEM_ERROR,
              "Cannot check QEMU binary " + b + ": No such file or directory");
        })
        .firmware(new FirmwareCapsResolver(FirmwareRoots.of(), FirmwareWarnings.IGNORE))
        .build();
  }

  @Test
  void kvmRequestIsCappedByTheHostLimitAndAliasesResolve() throws Exception {
    DomainCapabilities d = DomCaps.answer(
        DomCapsRequest.of(X86, null, "q35", null), options());
    assertThat(d.domain()).isEqualTo("kvm");
    assertThat(d.machine()).contains("pc-q35-7.2");
    assertThat(d.vcpuMax()).hasValue(288);
    DomainCapabilities tcgPc = DomCaps.answer(
        DomCapsRequest.of(X86, null, "pc", "qemu"), options());
    assertThat(tcgPc.machine()).contains("pc-i440fx-7.2");
    assertThat(tcgPc.cpu()).isEmpty();
  }

  @Test
  void libvirtsLaterRefusalsComeFromTheRecordedCapabilities() {
    assertThatThrownBy(() -> DomCaps.answer(
        DomCapsRequest.of(X86, null, null, "hvf"), options()))
        .hasMessage("invalid argument: Emulator '" + X86 + "' does not support virt type 'hvf'");
    assertThatThrownBy(() -> DomCaps.answer(
        DomCapsRequest.of(AARCH64, "x86_64", null, "qemu"), options()))
        .hasMessage("invalid argument: architecture from emulator 'aarch64' doesn't match "
            + "given architecture 'x86_64'");
    assertThatThrownBy(() -> DomCaps.answer(
        DomCapsRequest.of(X86, "i686", "virt", "kvm"), options()))
        .hasMessage("invalid argument: the machine 'virt' is not supported by emulator '"
            + X86 + "'");
    assertThatThrownBy(() ->
        DomCaps.answer(DomCapsRequest.of(null, "sparc", null, null), options()))
        .hasMessage(
            "unsupported configuration: unable to find any emulator to serve 'sparc' architecture");
  }
}

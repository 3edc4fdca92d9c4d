// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Supported;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.GicCapability;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.domcaps.qemu.firmware.FirmwareWarnings;
import org.domcaps.qemu.firmware.OsFirmwareCapabilities;
import org.domcaps.qemu.host.SevGuestLimits;
import org.junit.jupiter.api.Test;

class DomainCapsBuilderTest {
  private static final OsFirmwareCapabilities NO_FIRMWARE =
      new FirmwareCapsResolver(FirmwareRoots.of(), FirmwareWarnings.IGNORE).osCapabilities("x", "y")
          .withLoaderValues(List.of());

  private static FillFacts facts(List<String> pciBackends, Optional<List<String>> swtpm) {
    return new FillFacts(1024, pciBackends, swtpm, SevGuestLimits.NONE, Optional.empty());
  }

  private static QemuCaps caps(String arch, String machine, int max, String... flags) {
    MachineType m = new MachineType(machine, null, false, max, true, null, true, null, false);
    QemuCaps.Builder b = QemuCaps.builder().emulator("/usr/bin/qemu-system-" + arch).arch(arch)
        .accel(Accel.TCG, new AccelCaps(Optional.empty(), List.of(), List.of(m)))
        .accel(Accel.KVM, new AccelCaps(Optional.empty(), List.of(), List.of(m)));
    for (String f : flags) {
      b.flag(f);
    }
    return b.build();
  }

  private static DomainCapabilities build(QemuCaps c, String arch, String virt, FillFacts f) {
    String machine = c.accel(Accel.TCG).machines().get(0).name();
    return DomainCapsBuilder.build(new ResolvedRequest(c.emulator(), arch, virt, machine, c), f,
        NO_FIRMWARE, Optional.empty());
  }

  @Test
  void pseriesHasNeitherFloppyNorFdcAndI440fxHasIde() {
    QemuCaps ppc = caps("ppc64", "pseries-7.0", 1024, "tcg");
    DomainCapabilities d = build(ppc, "ppc64", "qemu", facts(List.of(), Optional.empty()));
    assertThat(d.devices().disk().values("diskDevice")).containsExactly("disk", "cdrom", "lun");
    assertThat(d.devices().disk().values("bus")).containsExactly("scsi", "virtio");

    QemuCaps pc = caps("x86_64", "pc-i440fx-7.2", 255, "tcg", "usb-storage", "ich9-ahci");
    DomainCapabilities x = build(pc, "x86_64", "qemu", facts(List.of(), Optional.empty()));
    assertThat(x.devices().disk().values("bus"))
        .containsExactly("ide", "fdc", "scsi", "virtio", "usb", "sata");
  }

  @Test
  void kvmCapsTheMachineLimitWithTheHostLimit() {
    QemuCaps pc = caps("x86_64", "pc-q35-7.2", 4096, "kvm", "tcg");
    assertThat(build(pc, "x86_64", "kvm", facts(List.of(), Optional.empty()))
        .vcpuMax()).hasValue(1024);
    assertThat(build(pc, "x86_64", "qemu", facts(List.of(), Optional.empty()))
        .vcpuMax()).hasValue(4096);
  }

  @Test
  void noModelMeansTpmUnsupportedAndSwtpmDecidesEmulatorAndVersions() {
    QemuCaps none = caps("x86_64", "pc-i440fx-7.2", 255, "tcg", "tpm-passthrough");
    assertThat(build(none, "x86_64", "qemu", facts(List.of(), Optional.of(List.of("2.0"))))
        .devices().tpm().supported()).isEqualTo(Supported.NO);

    QemuCaps tis = caps("x86_64", "pc-i440fx-7.2", 255, "tcg", "tpm-tis", "tpm-emulator");
    var without = build(tis, "x86_64", "qemu", facts(List.of(), Optional.empty()))
        .devices().tpm();
    assertThat(without.values("backendModel")).isEmpty();
    assertThat(without.findEnum("backendVersion")).isEmpty();
    var with = build(tis, "x86_64", "qemu",
        facts(List.of(), Optional.of(List.of("2.0", "1.2")))).devices().tpm();
    assertThat(with.values("backendModel")).containsExactly("emulator", "external");
    assertThat(with.values("backendVersion")).containsExactly("1.2", "2.0");
  }

  @Test
  void pciBackendsAreReportedAsTheHostFactsSayEvenEmpty() {
    QemuCaps pc = caps("x86_64", "pc-i440fx-7.2", 255, "tcg", "vfio-pci");
    var hostdev = build(pc, "x86_64", "qemu", facts(List.of(), Optional.empty())).devices()
        .hostdev();
    assertThat(hostdev.findEnum("pciBackend")).isPresent();
    assertThat(hostdev.values("pciBackend")).isEmpty();
    assertThat(build(pc, "x86_64", "qemu", facts(List.of("default", "vfio"), Optional.empty()))
        .devices().hostdev().values("pciBackend")).containsExactly("default", "vfio");
  }

  @Test
  void gicFollowsTheRequestedArchAndVirtType() {
    QemuCaps arm = caps("aarch64", "virt-7.2", 512, "kvm", "tcg").toBuilder()
        .gic(List.of(new GicCapability(2, false, true), new GicCapability(3, true, true))).build();
    FillFacts f = facts(List.of(), Optional.empty());
    assertThat(build(arm, "aarch64", "qemu", f).features().gic().values("version"))
        .containsExactly("2", "3");
    assertThat(build(arm, "aarch64", "kvm", f).features().gic().values("version"))
        .containsExactly("3");
    assertThat(build(arm, "aarch64", "qemu", f).features().s390Pv()).isEqualTo(Supported.ABSENT);
  }

  @Test
  void s390PvNeedsBothFlagsAndTheSecureGuestVerdict() {
    QemuCaps s390 = caps("s390x", "s390-ccw-virtio-7.2", 248, "kvm", "tcg",
        "confidential-guest-support", "s390-pv-guest");
    assertThat(build(s390, "s390x", "kvm", facts(List.of(), Optional.empty()))
        .features().s390Pv()).isEqualTo(Supported.NO);
    FillFacts forced = facts(List.of(), Optional.empty()).withS390SecureGuest(true);
    assertThat(build(s390, "s390x", "kvm", forced).features().s390Pv()).isEqualTo(Supported.YES);
  }
}

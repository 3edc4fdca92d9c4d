// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domcaps.qemu.cpu.CapsFixtures.caps;
import static org.domcaps.qemu.cpu.CapsFixtures.def;
import static org.domcaps.qemu.cpu.CapsFixtures.hostModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFallback;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Migratable;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Usable;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.QemuCaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ppc64, s390x, ARM and driverless arches on constructed inputs. */
class OtherArchCpuTest {
  @Test
  void ppc64HostModelFromHostPvrAndCustomUpperCased() {
    // QEMU spells power8/power9 in lower case; libvirt renames names equal to its map models
    // ignoring case, keeps only map names (e5500 != POWERPC_e5500, power8nvl unknown) and takes
    // vendors from the map. The host-model is the injected host model with fallback 'allow'.
    QemuCaps caps = caps("ppc64", Accel.KVM, Optional.empty(),
        List.of(def("power10"), def("power9"), def("power8nvl"), def("POWER8"), def("e5500"),
        def("host")));
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "ppc64", "pseries",
        HostCpuFacts.libvirtTestHarness("ppc64"));
    assertThat(c.hostPassthrough()).isEqualTo(MigratableMode.yes(Migratable.OFF));
    assertThat(c.maximum().supported()).isFalse();
    assertThat(c.hostModel()).contains(hostModel("POWER8", CpuFallback.ALLOW, null));
    assertThat(c.custom()).containsExactly(
        new CpuModel("POWER10", Usable.UNKNOWN, false, "IBM"),
        new CpuModel("POWER9", Usable.UNKNOWN, false, "IBM"),
        new CpuModel("POWER8", Usable.UNKNOWN, false, "IBM"));
  }

  @Test
  void ppc64LiveHostReadsPvrAndRequiresQemuModel(@TempDir Path dir) throws Exception {
    // PVR 0x004e1202 & 0xffff0000 == 0x004e0000: POWER9, vendor IBM from the map. libvirt's
    // decoder refuses a model QEMU does not offer.
    Path cpuinfo = dir.resolve("cpuinfo");
    Files.writeString(cpuinfo, "processor\t: 0\ncpu\t\t: POWER9 (raw), altivec supported\n"
        + "clock\t\t: 2300.000000MHz\nrevision\t: 2.2 (pvr 004e 1202)\n");
    HostCpuFacts live = new LiveHostCpuFacts("ppc64le", cpuinfo);
    QemuCaps with =
        caps("ppc64", Accel.KVM, Optional.empty(), List.of(def("power9"), def("power8")));
    assertThat(HostModelResolver.resolve(with, Accel.KVM, live))
        .contains(hostModel("POWER9", CpuFallback.ALLOW, "IBM"));
    QemuCaps without = caps("ppc64", Accel.KVM, Optional.empty(), List.of(def("power8")));
    assertThat(HostModelResolver.resolve(without, Accel.KVM, live)).isEmpty();
  }

  private static HostCpuExpansion s390Expansion() {
    return new HostCpuExpansion("gen15a-base", false, List.of(
        new HostCpuProperty("aen", HostCpuProperty.Type.BOOLEAN, "true", null),
        new HostCpuProperty("cmm-nt", HostCpuProperty.Type.BOOLEAN, "false", null),
        new HostCpuProperty("kss", HostCpuProperty.Type.NUMBER, "3", null),
        new HostCpuProperty("vxpdeh", HostCpuProperty.Type.BOOLEAN, "true", null)));
  }

  @Test
  void s390HostModelIsQemuExpansionInReplyOrder() {
    // Booleans in reply order: true -> require, false -> disable; numbers skipped; names are not
    // translated off x86; no vendor; fallback 'forbid'.
    QemuCaps caps = caps("s390x", Accel.KVM, Optional.of(s390Expansion()),
        List.of(def("z13", CpuDefinition.Usable.YES), def("host", CpuDefinition.Usable.YES),
            def("max", CpuDefinition.Usable.YES),
            def("gen15a-base", CpuDefinition.Usable.NO, "aen")),
        "cpu-max");
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "s390x", "s390-ccw-virtio-7.0",
        HostCpuFacts.libvirtTestHarness("s390x"));
    assertThat(c.hostModel())
        .contains(
            hostModel("gen15a-base", CpuFallback.FORBID, null, CpuFeature.require("aen"),
                CpuFeature.disable("cmm-nt"),
            CpuFeature.require("vxpdeh")));
    assertThat(c.maximum().supported()).isTrue();
    // No model filter on s390: everything but host, vendor unknown.
    assertThat(c.custom()).extracting(CpuModel::name).containsExactly("z13", "max", "gen15a-base");
    assertThat(c.custom()).extracting(CpuModel::vendor).containsOnly("unknown");
  }

  @Test
  void oldS390MachineAllowsOnlyHostPassthroughUnderKvm() {
    QemuCaps caps = caps("s390x", Accel.KVM, Optional.of(s390Expansion()),
        List.of(def("z13", CpuDefinition.Usable.YES)), "cpu-max");
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "s390x", "s390-ccw-virtio-2.7",
        HostCpuFacts.libvirtTestHarness("s390x"));
    assertThat(c.hostPassthrough().supported()).isTrue();
    assertThat(c.maximum().supported()).isFalse();
    assertThat(c.hostModelSupported()).isFalse();
    assertThat(c.customSupported()).isFalse();
  }

  @Test
  void s390KvmWithoutExpansionHasNoHostModel() {
    QemuCaps caps = caps("s390x", Accel.KVM, Optional.empty(), List.of(def("z13")));
    assertThat(HostModelResolver.resolve(caps, Accel.KVM, HostCpuFacts.libvirtTestHarness("s390x")))
        .isEmpty();
  }

  @Test
  void armNeverHasHostModelAndListsEverythingButHost() {
    // libvirt 9.0.0's ARM driver cannot build a host-model even from QEMU's expansion; custom has
    // no filter, so max and cortex-a57 are listed with unknown usability and vendor.
    HostCpuExpansion exp = new HostCpuExpansion("host", false, List.of(
        new HostCpuProperty("sve", HostCpuProperty.Type.BOOLEAN, "true", null)));
    QemuCaps caps = caps("aarch64", Accel.KVM, Optional.of(exp),
        List.of(def("cortex-a57"), def("host"), def("max")), "cpu-max");
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "aarch64", "virt-7.2",
        HostCpuFacts.libvirtTestHarness("aarch64"));
    assertThat(c.hostPassthrough()).isEqualTo(MigratableMode.yes(Migratable.OFF));
    assertThat(c.maximum()).isEqualTo(MigratableMode.yes(Migratable.ON, Migratable.OFF));
    assertThat(c.hostModelSupported()).isFalse();
    assertThat(c.custom()).containsExactly(
        new CpuModel("cortex-a57", Usable.UNKNOWN, false, "unknown"),
        new CpuModel("max", Usable.UNKNOWN, false, "unknown"));
    // armv7l under TCG on an x86_64 host: not native, but maximum needs only QEMU's max model.
    QemuCaps arm =
        caps("armv7l", Accel.TCG, Optional.empty(), List.of(def("cortex-a15"), def("max")),
            "cpu-max");
    Cpu t = CpuCapabilitiesResolver.resolve(arm, "qemu", "armv7l", "virt-7.2",
        HostCpuFacts.injected("x86_64", Optional.empty()));
    assertThat(t.hostPassthrough().supported()).isFalse();
    assertThat(t.maximum().supported()).isTrue();
  }

  @Test
  void archWithoutCpuDriverHasNoCustomOrHostModel() {
    // 32-bit ppc: QEMU lists models but libvirt has no CPU driver for the arch.
    QemuCaps caps = caps("ppc", Accel.TCG, Optional.empty(), List.of(def("604"), def("g4")));
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "qemu", "ppc", "g3beige",
        HostCpuFacts.injected("x86_64", Optional.empty()));
    assertThat(c.customSupported()).isFalse();
    assertThat(c.hostModelSupported()).isFalse();
    // sparc KVM on a sparc host: passthrough is supported with "off" only.
    QemuCaps sparc = caps("sparc", Accel.KVM, Optional.empty(), List.of());
    Cpu s = CpuCapabilitiesResolver.resolve(sparc, "kvm", "sparc", "SS-5",
        HostCpuFacts.injected("sparc", Optional.empty()));
    assertThat(s.hostPassthrough()).isEqualTo(MigratableMode.yes(Migratable.OFF));
    assertThat(s.hostModelSupported()).isFalse();
  }

  @Test
  void s390TextThroughTheModelWriter() {
    // The resolved element printed by model.xml's writer, the one writer of the document:
    // migratable enums, the host-model's features in reply order without a vendor line, and the
    // custom models with their usability and libvirt's 'unknown' vendor.
    QemuCaps caps = caps("s390x", Accel.KVM, Optional.of(s390Expansion()),
        List.of(def("z13", CpuDefinition.Usable.YES),
        def("gen15a-base", CpuDefinition.Usable.NO, "aen")),
        "cpu-max");
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "s390x", "s390-ccw-virtio-7.0",
        HostCpuFacts.libvirtTestHarness("s390x"));
    assertThat(CpuText.of(c)).isEqualTo("""
          <cpu>
            <mode name='host-passthrough' supported='yes'>
              <enum name='hostPassthroughMigratable'>
                <value>off</value>
              </enum>
            </mode>
            <mode name='maximum' supported='yes'>
              <enum name='maximumMigratable'>
                <value>on</value>
                <value>off</value>
              </enum>
            </mode>
            <mode name='host-model' supported='yes'>
              <model fallback='forbid'>gen15a-base</model>
              <feature policy='require' name='aen'/>
              <feature policy='disable' name='cmm-nt'/>
              <feature policy='require' name='vxpdeh'/>
            </mode>
            <mode name='custom' supported='yes'>
              <model usable='yes' vendor='unknown'>z13</model>
              <model usable='no' vendor='unknown'>gen15a-base</model>
            </mode>
          </cpu>
        """);
  }
}

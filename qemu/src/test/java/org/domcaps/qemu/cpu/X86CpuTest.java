// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.domcaps.qemu.cpu.CapsFixtures.caps;
import static org.domcaps.qemu.cpu.CapsFixtures.def;
import static org.domcaps.qemu.cpu.CapsFixtures.defs;
import static org.domcaps.qemu.cpu.CapsFixtures.mapFeatures;
import static org.domcaps.qemu.cpu.CapsFixtures.x86Expansion;

import static org.domcaps.qemu.cpu.CapsFixtures.hostModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFallback;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.HostModel;
import org.domcaps.model.Migratable;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Usable;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.QemuCaps;
import org.junit.jupiter.api.Test;

/** x86 model selection and mode rules on constructed inputs. */
class X86CpuTest {
  private static final String[] FLAGS = {"cpu-unavailable-features", "cpu.migratable", "cpu-max"};
  private static final HostCpuFacts X86_HOST = HostCpuFacts.libvirtTestHarness("x86_64");

  private static Cpu tcg(QemuCaps caps) {
    return CpuCapabilitiesResolver.resolve(caps, "qemu", "x86_64", "pc-i440fx-7.2", X86_HOST);
  }

  @Test
  void exactModelMatchWinsWithNoFeatures() {
    // Host = Westmere's features, Intel, signature 6/44. Candidates with that signature are
    // Westmere-IBRS (seen first, reverse map order) and Westmere. Westmere-IBRS lacks nothing but
    // has spec-ctrl the host lacks: one disable, score 0 + penalty 2 = 2. Westmere: empty list,
    // score 0 -> Westmere replaces it. Nehalem (no 6/44 signature) loses on the signature rule.
    QemuCaps caps = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, mapFeatures("Westmere"))),
        defs("qemu64", "Westmere-IBRS", "Westmere", "Nehalem", "host"), FLAGS);
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    assertThat(hm).isEqualTo(hostModel("Westmere", CpuFallback.FORBID, "Intel"));
  }

  @Test
  void signatureRuleBeatsScore() {
    // Host = Nehalem's features (Westmere minus aes) but signature 6/44, which only Westmere
    // lists. Westmere is seen first and matches the signature, Nehalem does not, so Westmere is
    // kept although Nehalem would score 0: the result disables aes.
    QemuCaps caps = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, mapFeatures("Nehalem"))),
        defs("Westmere", "Nehalem"), FLAGS);
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    assertThat(hm.model()).isEqualTo("Westmere");
    assertThat(hm.features()).containsExactly(CpuFeature.disable("aes"));
  }

  @Test
  void requiresAndDisablesInMapOrderWithBlockerQuirk() {
    // Host = Westmere + avx + ssb-no (MSR), minus sse4.2; QEMU says Westmere is blocked by
    // "pclmulqdq" (translated to pclmuldq: host lacks it, model lacks it -> disabled anyway) and
    // "aes" (host and model have it -> disabled: libvirt's blocker quirk) and "vmx-foo" (not a
    // map feature -> ignored). Output: requires in map order (avx before the MSR feature ssb-no),
    // then disables in map order (pclmuldq, sse4.2, aes are leaf-1 ECX bits 1, 20, 25).
    List<String> host = mapFeatures("Westmere");
    host.remove("sse4.2");
    host.add("ssb-no");
    host.add("avx");
    QemuCaps caps = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, host)),
        List.of(def("Westmere", CpuDefinition.Usable.NO, "pclmulqdq", "aes", "vmx-foo")), FLAGS);
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    assertThat(hm.model()).isEqualTo("Westmere");
    assertThat(hm.features()).containsExactly(
        CpuFeature.require("avx"),
        CpuFeature.require("ssb-no"),
        CpuFeature.disable("pclmuldq"),
        CpuFeature.disable("sse4.2"),
        CpuFeature.disable("aes"));

    // Without QEMU's unavailable-features property libvirt drops every MSR feature.
    QemuCaps noUnavailable = caps.toBuilder().clearFlag("cpu-unavailable-features").build();
    assertThat(tcg(noUnavailable).hostModel().orElseThrow().features())
        .doesNotContain(CpuFeature.require("ssb-no"))
        .hasSize(4);
  }

  @Test
  void vendorMismatchSkipsCandidate() {
    // An AMD host with qemu64's features plus avx; QEMU offers Westmere and qemu64. Westmere is
    // Intel-only, so the vendor-less qemu64 is the only candidate: require avx, vendor AMD.
    List<String> host = new ArrayList<>(mapFeatures("qemu64"));
    host.add("avx");
    QemuCaps caps = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("AuthenticAMD", 23, 1, 2, host)), defs("Westmere", "qemu64"),
        FLAGS);
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    assertThat(hm)
        .isEqualTo(hostModel("qemu64", CpuFallback.FORBID, "AMD", CpuFeature.require("avx")));
  }

  @Test
  void tsxIsHiddenOnAffectedHaswell() {
    // Intel 6/60 is a Haswell with the TSX erratum: libvirt removes hle and rtm from the host
    // data, so Haswell-noTSX matches exactly (score 0) while Haswell would disable both.
    QemuCaps caps = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("GenuineIntel", 6, 60, 3, mapFeatures("Haswell"))),
        defs("Haswell", "Haswell-noTSX"), FLAGS);
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    assertThat(hm.model()).isEqualTo("Haswell-noTSX");
    assertThat(hm.features()).isEmpty();
  }

  @Test
  void badVendorStringOrNoCandidateRemovesHostModel() {
    // A vendor string that is not 12 characters makes libvirt's data building fail.
    QemuCaps bad = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("Intel", 6, 44, 2, mapFeatures("Westmere"))), defs("Westmere"),
        FLAGS);
    assertThat(tcg(bad).hostModelSupported()).isFalse();
    // QEMU lists no map model at all: no candidate.
    QemuCaps none = caps("x86_64", Accel.TCG,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, mapFeatures("Westmere"))),
        defs("max", "base"), FLAGS);
    assertThat(tcg(none).hostModelSupported()).isFalse();
  }

  @Test
  void kvmNeedsNativeHostAndSuccessfulHostDetection() {
    QemuCaps caps = caps("x86_64", Accel.KVM,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, mapFeatures("Westmere"))),
        defs("Westmere", "Nehalem", "host"), FLAGS);
    Cpu ok = CpuCapabilitiesResolver.resolve(caps, "kvm", "x86_64", "pc", X86_HOST);
    assertThat(ok.hostPassthrough()).isEqualTo(MigratableMode.yes(Migratable.ON, Migratable.OFF));
    assertThat(ok.hostModel().orElseThrow().model()).isEqualTo("Westmere");
    // libvirt also detects the full host CPU itself for KVM and drops host-model if that fails.
    HostCpuFacts undetectable = HostCpuFacts.injected("x86_64", Optional.empty());
    assertThat(CpuCapabilitiesResolver.resolve(caps, "kvm", "x86_64", "pc", undetectable)
        .hostModelSupported())
        .isFalse();
    // On an aarch64 host the x86_64 emulator is not native: neither passthrough nor host-model.
    HostCpuFacts arm = HostCpuFacts.injected("aarch64", Optional.empty());
    Cpu foreign = CpuCapabilitiesResolver.resolve(caps, "kvm", "x86_64", "pc", arm);
    assertThat(foreign.hostPassthrough().supported()).isFalse();
    assertThat(foreign.hostModelSupported()).isFalse();
  }

  @Test
  void i686EmulatorOnX86_64HostIsNativeButNotMigratable() {
    // qemu-system-i386 has no max-x86_64-cpu type, hence no cpu.migratable: passthrough "off" only.
    QemuCaps caps = caps("i686", Accel.KVM,
        Optional.of(x86Expansion("GenuineIntel", 6, 44, 2, mapFeatures("Westmere"))),
        defs("Westmere"));
    Cpu c = CpuCapabilitiesResolver.resolve(caps, "kvm", "i686", "pc", X86_HOST);
    assertThat(c.hostPassthrough()).isEqualTo(MigratableMode.yes(Migratable.OFF));
    assertThat(c.maximum().supported()).isFalse();
  }

  @Test
  void customKeepsQemuOrderFiltersByMapAndDropsHost() {
    // QEMU order kept (qemu64 after Westmere), names libvirt lacks (max, Westmere-v1) and host
    // dropped, duplicates kept; vendors come from libvirt's map (qemu64 has none -> unknown).
    List<CpuDefinition> d = new ArrayList<>(List.of(
        def("Westmere", CpuDefinition.Usable.NO, "aes"),
        def("max", CpuDefinition.Usable.YES),
        def("Westmere-v1", CpuDefinition.Usable.YES),
        def("host", CpuDefinition.Usable.YES),
        new CpuDefinition("Icelake-Client", null, CpuDefinition.Usable.NO, List.of(), true),
        def("qemu64", CpuDefinition.Usable.YES),
        def("qemu64", CpuDefinition.Usable.YES)));
    QemuCaps caps = caps("x86_64", Accel.TCG, Optional.empty(), d, FLAGS);
    assertThat(tcg(caps).custom()).containsExactly(
        new CpuModel("Westmere", Usable.NO, false, "Intel"),
        new CpuModel("Icelake-Client", Usable.NO, true, "Intel"),
        new CpuModel("qemu64", Usable.YES, false, "unknown"),
        new CpuModel("qemu64", Usable.YES, false, "unknown"));
  }

  @Test
  void noExpansionFallsBackToHostDetection() {
    // Without QEMU's expansion libvirt reports its own host detection with fallback 'allow',
    // minus the features QEMU never supported (osxsave), and still drops MSR features when QEMU
    // lacks unavailable-features.
    HostCpu detected = new HostCpu(Optional.of("Skylake-Client"), Optional.of("Intel"),
        List.of("avx512f", "osxsave", "ssb-no"));
    QemuCaps caps = caps("x86_64", Accel.TCG, Optional.empty(), defs("Skylake-Client"));
    HostModel hm = tcg(caps).hostModel().orElseThrow();
    HostModel viaFacts = CpuCapabilitiesResolver.resolve(caps, "qemu", "x86_64", "pc",
        HostCpuFacts.injected("x86_64", Optional.of(detected))).hostModel().orElseThrow();
    assertThat(hm).isEqualTo(hostModel("Broadwell", CpuFallback.ALLOW, null));
    assertThat(viaFacts)
        .isEqualTo(
            hostModel("Skylake-Client", CpuFallback.ALLOW, "Intel", CpuFeature.require("avx512f")));
  }
}

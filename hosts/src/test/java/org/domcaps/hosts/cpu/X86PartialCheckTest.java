// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.domcaps.hosts.cpu.X86Compare.Result;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.Usable;
import org.domcaps.qemu.api.X86CpuModels;
import org.junit.jupiter.api.Test;

/**
 * cpu-compare as libvirt 11.3 (qemuDomainCheckCPU) on a small hypervisor: the host-model is
 * qemu64, so the CPU map comparison refuses every Skylake, and only QEMU's verdict and blockers
 * can let one through.
 */
class X86PartialCheckTest {
  private static final CpuDef HOST = CpuDef.guest("qemu64", Optional.empty(), List.of())
      .withFallback(CpuDef.Fallback.FORBID);

  private final HypervisorCpuCommands v113 = new HypervisorCpuCommands(LibvirtVersion.V11_3);

  @Test
  void theMapMarksOnlyItsOlderModelsForTheCompatCheck() {
    X86CpuModels map = X86CpuModels.get(LibvirtVersion.V11_3);
    assertThat(map.model("Skylake-Client").orElseThrow().compatCheck()).isTrue();
    assertThat(map.model("Skylake-Client-v4").orElseThrow().compatCheck()).isFalse();
    assertThat(map.models().stream().filter(X86CpuModels.Model::compatCheck)).hasSize(62);
    assertThat(X86CpuModels.get().models().stream().filter(X86CpuModels.Model::compatCheck))
        .as("libvirt 9.0's map has no <check>").isEmpty();
  }

  @Test
  void aModelQemuCanRunIsASupersetWhateverTheMapSays() throws CpuException {
    HypervisorCpu hv = hypervisor(new HypervisorModel("Skylake-Client-v4", Usable.YES, List.of()));
    assertThat(v113.compare(cpu("Skylake-Client-v4"), hv, true)).isEqualTo(Result.SUPERSET);
    assertThat(v113.compare(cpu("Skylake-Client-v4", disable("avx2")), hv, true))
        .isEqualTo(Result.SUPERSET);
    // libvirt 9.0 compares with the map only (which has no versioned models).
    HypervisorCpu usable = hypervisor(new HypervisorModel("Skylake-Client", Usable.YES, List.of()));
    assertThat(v113.compare(cpu("Skylake-Client"), usable, false)).isEqualTo(Result.SUPERSET);
    assertThat(new HypervisorCpuCommands().compare(cpu("Skylake-Client"), usable, false))
        .isEqualTo(Result.INCOMPATIBLE);
  }

  @Test
  void aRequiredFeatureTheHostModelLacksIsNamed() throws CpuException {
    HypervisorCpu hv = hypervisor(new HypervisorModel("Skylake-Client-v4", Usable.YES, List.of()));
    CpuDef cpu = cpu("Skylake-Client-v4", new Feature("avx512f", Policy.REQUIRE),
        new Feature("sse2", Policy.REQUIRE));
    assertThat(v113.compare(cpu, hv, false)).isEqualTo(Result.INCOMPATIBLE);
    assertThatThrownBy(() -> v113.compare(cpu, hv, true)).isInstanceOf(CpuException.class)
        .hasMessage("the CPU is incompatible with host CPU: Host CPU does not provide required "
            + "features: avx512f");
  }

  @Test
  void everyBlockerMustBeDisabled() throws CpuException {
    HypervisorCpu hv = hypervisor(
        new HypervisorModel("Skylake-Client-v4", Usable.NO, List.of("hle", "rtm")));
    assertThatThrownBy(() -> v113.compare(cpu("Skylake-Client-v4", disable("rtm")), hv, true))
        .hasMessage("the CPU is incompatible with host CPU: Host CPU does not provide required "
            + "features: hle");
    assertThat(v113.compare(cpu("Skylake-Client-v4", disable("rtm"), disable("hle")), hv, false))
        .isEqualTo(Result.SUPERSET);
  }

  @Test
  void compatModelsAndModelsQemuDoesNotOfferAreComparedWithTheMap() throws CpuException {
    HypervisorCpu hv = hypervisor(
        new HypervisorModel("Skylake-Client", Usable.NO, List.of("hle", "rtm")));
    CpuDef disabled = cpu("Skylake-Client", disable("hle"), disable("rtm"));
    assertThat(v113.compare(disabled, hv, false)).isEqualTo(Result.INCOMPATIBLE);
    assertThat(v113.compare(cpu("Skylake-Client-v4"), hv, false)).isEqualTo(Result.INCOMPATIBLE);
    assertThat(v113.compare(cpu("qemu64"), hv, false)).isEqualTo(Result.IDENTICAL);
  }

  @Test
  void aModelQemuOffersAndTheMapLacksIsAnError() {
    HypervisorCpu hv = hypervisor(new HypervisorModel("max", Usable.NO, List.of("vmx")));
    assertThatThrownBy(() -> v113.compare(cpu("max"), hv, false))
        .hasMessage("invalid argument: unknown CPU model max");
  }

  private static HypervisorCpu hypervisor(HypervisorModel... models) {
    return new HypervisorCpu("/usr/bin/qemu-system-x86_64", "kvm", "x86_64", List.of(models),
        Optional.empty(), Optional.empty(), false, Optional.of(HOST));
  }

  private static CpuDef cpu(String model, Feature... features) {
    return CpuDef.guest(model, Optional.empty(), List.of(features));
  }

  private static Feature disable(String name) {
    return new Feature(name, Policy.DISABLE);
  }
}

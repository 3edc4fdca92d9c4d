// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model keeps its invariants: tri-state apart, no details without support, no repeats. */
class ModelTest {
  @Test
  void absentIsNeitherYesNorNo() {
    assertThat(Supported.ABSENT.isReported()).isFalse();
    assertThat(Supported.NO.isReported()).isTrue();
    assertThat(Capability.absent()).isNotEqualTo(Capability.unsupported());
    assertThat(Features.none().anyReported()).isFalse();
    assertThat(Features.builder().backup(Supported.NO).build().anyReported()).isTrue();
    assertThatThrownBy(Supported.ABSENT::xmlValue).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void capabilityBuilderKeepsInsertionOrderAndDropsRepeats() {
    Capability c = Capability.builder().values("bus", "scsi", "ide").value("bus", "scsi")
        .enumName("model").value("diskDevice", "disk").build();
    assertThat(c.supported()).isEqualTo(Supported.YES);
    assertThat(c.enums()).containsExactly(CapsEnum.of("bus", "scsi", "ide"), CapsEnum.of("model"),
        CapsEnum.of("diskDevice", "disk"));
    assertThat(c.values("bus")).containsExactly("scsi", "ide");
    assertThat(c.values("nonesuch")).isEmpty();
    assertThat(c.findEnum("model")).contains(CapsEnum.of("model"));
  }

  @Test
  void detailsNeedSupportedYes() {
    assertThatThrownBy(() -> new Capability(Supported.NO, List.of(CapsEnum.of("bus"))))
        .hasMessage("capability with supported=NO cannot carry details [CapsEnum[name=bus,"
            + " values=[]]]");
    assertThatThrownBy(() -> new MigratableMode(false, Optional.of(List.of("on"))))
        .hasMessage("an unsupported CPU mode cannot report migratable values");
    assertThatThrownBy(() -> Sev.unsupported().withCpu0Id("x"))
        .hasMessage("sev with supported=NO cannot carry details");
  }

  @Test
  void repeatsAreRefused() {
    assertThatThrownBy(() -> CapsEnum.of("bus", "ide", "ide"))
        .hasMessage("enum 'bus' repeats value 'ide'");
    assertThatThrownBy(() -> Capability.supported(CapsEnum.of("bus"), CapsEnum.of("bus")))
        .hasMessage("capability reports enum 'bus' twice");
  }

  @Test
  void documentNeedsPathDomainArchAndAPositiveVcpuMax() {
    assertThatThrownBy(() -> DomainCapabilities.builder().domain("kvm").arch("x86_64").build())
        .isInstanceOf(NullPointerException.class).hasMessage("path");
    assertThatThrownBy(() -> DomainCapabilities.builder().path("/q").domain("kvm").arch("x86_64")
        .vcpuMax(0).build())
        .hasMessage("vcpu max must be positive, was 0");
  }

  @Test
  void customModelWithoutVendorIsUnknownVendor() {
    assertThat(new CpuModel("qemu64", Usable.YES, false, null).vendor()).isEqualTo("unknown");
    assertThat(Cpu.builder().build().customSupported()).isFalse();
    assertThat(Cpu.builder().customModel(CpuModel.of("qemu64", Usable.YES, "AMD")).build()
        .customSupported()).isTrue();
  }

  @Test
  void toBuilderRoundTrips() {
    DomainCapabilities caps = DomainCapabilities.builder().path("/q").domain("kvm").arch("x86_64")
        .machine("virt").vcpuMax(8).iothreads(Supported.NO)
        .features(Features.builder().genid(Supported.YES).build()).build();
    assertThat(caps.toBuilder().build()).isEqualTo(caps);
    assertThat(caps.features().toBuilder().build()).isEqualTo(caps.features());
    assertThat(caps.devices().toBuilder().build()).isEqualTo(Devices.none());
  }
}

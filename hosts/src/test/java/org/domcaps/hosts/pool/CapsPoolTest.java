// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Sev;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.junit.jupiter.api.Test;

class CapsPoolTest {
  private final CapsPool pool = new CapsPool();

  @Test
  void poolingADocumentWithItselfGivesItsTextBack() throws Exception {
    for (SharedDocuments.Doc d : SharedDocuments.all()) {
      String pooled =
          DomainCapabilitiesXml.format(pool.pool(List.of(d.caps(), d.caps(), d.caps())));
      assertThat(d.text()).as(d.file().toString()).startsWith(pooled);
    }
  }

  @Test
  void orderOfTheDocumentsDoesNotMatter() throws Exception {
    Random random = new Random(14);
    int pairs = 0;
    for (List<SharedDocuments.Doc> group : SharedDocuments.poolable().values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          DomainCapabilities a = group.get(i).caps();
          DomainCapabilities b = group.get(j).caps();
          assertThat(xml(List.of(a, b))).as(group.get(i).file() + " with " + group.get(j).file())
              .isEqualTo(xml(List.of(b, a)));
          pairs++;
        }
      }
      List<DomainCapabilities> all =
          new ArrayList<>(group.stream().map(SharedDocuments.Doc::caps).toList());
      String pooled = xml(all);
      for (int k = 0; k < 3; k++) {
        Collections.shuffle(all, random);
        assertThat(xml(all)).isEqualTo(pooled);
      }
      // Pooling is a meet: adding a member already pooled changes nothing.
      List<DomainCapabilities> again = new ArrayList<>(all);
      again.add(pool.pool(all));
      assertThat(xml(again)).isEqualTo(pooled);
    }
    assertThat(pairs).isGreaterThan(100);
  }

  @Test
  void differentArchesOrVirtTypesAreRefused() throws Exception {
    DomainCapabilities x86 = doc("x86_64", "kvm").build();
    assertThatThrownBy(() -> pool.pool(List.of(x86, doc("aarch64", "kvm").build())))
        .isInstanceOf(PoolException.class)
            .hasMessageContaining("different arches: 'x86_64' and 'aarch64'");
    assertThatThrownBy(() -> pool.pool(List.of(x86, doc("x86_64", "qemu").build())))
        .isInstanceOf(PoolException.class)
            .hasMessageContaining("different virt types: 'kvm' and 'qemu'");
    assertThatThrownBy(() -> pool.pool(List.of())).isInstanceOf(PoolException.class);
  }

  @Test
  void eachRuleKeepsWhatEveryHostHas() throws Exception {
    DomainCapabilities a = doc("x86_64", "kvm").vcpuMax(288).iothreads(Supported.YES)
        .cpu(Cpu.builder().hostPassthrough(MigratableMode.yes("on", "off"))
            .maximum(MigratableMode.yes())
            .customModel("qemu64", Usable.YES, false, "unknown")
            .customModel("EPYC", Usable.YES, false, "AMD")
            .customModel("Skylake-Client", Usable.UNKNOWN, false, "Intel").build())
        .devices(Devices.builder()
            .disk(Capability.supported(CapsEnum.of("bus", "ide", "scsi", "virtio", "usb")))
            .tpm(Capability.unsupported())
            .rng(Capability.supported(CapsEnum.of("model", "virtio"))).build())
        .features(Features.builder().sev(Sev.supported(47, 1, 509, 0)).genid(Supported.YES).build())
        .build();
    DomainCapabilities b = doc("x86_64", "kvm").vcpuMax(255).iothreads(Supported.NO)
        .cpu(Cpu.builder().hostPassthrough(MigratableMode.yes("on")).maximum(MigratableMode.no())
            .customModel("EPYC", Usable.NO, false, "AMD")
            .customModel("qemu64", Usable.YES, true, "unknown")
            .customModel("Skylake-Client", Usable.YES, false, "Intel").build())
        .devices(Devices.builder()
            .disk(Capability.supported(CapsEnum.of("bus", "virtio", "scsi", "sata")))
            .tpm(Capability.supported(CapsEnum.of("model", "tpm-crb")))
            .build())
        .features(Features.builder().sev(Sev.supported(47, 1, 15, 0)).build())
        .build();
    DomainCapabilities p = pool.pool(List.of(a, b));
    assertThat(p.vcpuMax()).hasValue(255);
    assertThat(p.iothreads()).isEqualTo(Supported.NO);
    Cpu cpu = p.cpu().orElseThrow();
    assertThat(cpu.hostPassthrough()).isEqualTo(MigratableMode.yes("on"));
    assertThat(cpu.maximum().supported()).isFalse();
    // The hosts list the models in different orders: the pool lists them sorted.
    assertThat(cpu.custom()).containsExactly(
        new CpuModel("EPYC", Usable.NO, false, "AMD"),
        new CpuModel("Skylake-Client", Usable.UNKNOWN, false, "Intel"),
        new CpuModel("qemu64", Usable.YES, true, "unknown"));
    assertThat(p.devices().disk().values("bus")).containsExactly("scsi", "virtio");
    assertThat(p.devices().tpm()).isEqualTo(Capability.unsupported());
    assertThat(p.devices().rng()).isEqualTo(Capability.absent());
    assertThat(p.features().sev().maxGuests()).hasValue(15);
    assertThat(p.features().genid()).isEqualTo(Supported.ABSENT);
  }

  @Test
  void sevWithDifferentCbitPositionsIsNotPooled() throws Exception {
    DomainCapabilities a = doc("x86_64", "kvm")
        .features(Features.builder().sev(Sev.supported(47, 1, 509, 0)).build()).build();
    DomainCapabilities b = doc("x86_64", "kvm")
        .features(Features.builder().sev(Sev.supported(51, 1, 509, 0)).build()).build();
    assertThat(pool.pool(List.of(a, b)).features().sev()).isEqualTo(Sev.unsupported());
  }

  @Test
  void hostModelIsTheBaselineOfTheHostModels() throws Exception {
    HostModel rome = HostModel.builder("EPYC-Rome").vendor("AMD").feature("require", "x2apic")
        .feature("require", "hypervisor").feature("disable", "xsaves").build();
    HostModel epyc = HostModel.builder("EPYC").vendor("AMD").feature("require", "x2apic").build();
    HostModel skylake = HostModel.builder("Skylake-Client").vendor("Intel").build();
    List<String> models = List.of("EPYC", "EPYC-Rome", "Skylake-Client");
    HostModel pooled = pool.pool(List.of(withHostModel(rome, models), withHostModel(epyc, models)))
        .cpu().orElseThrow().hostModel().orElseThrow();
    assertThat(pooled.model()).isEqualTo("EPYC");
    assertThat(pooled.vendor()).hasValue("AMD");
    assertThat(pooled.features()).extracting(f -> f.policy() + " " + f.name())
        .contains("require x2apic").doesNotContain("require hypervisor");
    assertThat(pool.pool(List.of(withHostModel(rome, models), withHostModel(skylake, models)))
        .cpu().orElseThrow().hostModelSupported()).as("AMD with Intel").isFalse();
  }

  private static DomainCapabilities withHostModel(HostModel hm, List<String> custom) {
    Cpu.Builder c = Cpu.builder().hostModel(hm);
    custom.forEach(n -> c.customModel(n, Usable.YES, false, null));
    return doc("x86_64", "kvm").cpu(c.build()).build();
  }

  private static DomainCapabilities.Builder doc(String arch, String domain) {
    return DomainCapabilities.builder().path("/usr/bin/qemu-system-" + arch).domain(domain)
        .arch(arch)
        .machine("pc-q35-7.2");
  }

  private String xml(List<DomainCapabilities> docs) throws PoolException {
    return DomainCapabilitiesXml.format(pool.pool(docs));
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.junit.jupiter.api.Test;

/** The CPU element's closed vocabularies as enums, beside libvirt's spellings the model stores. */
class CpuVocabularyTest {
  @Test
  void typedBuildersStoreLibvirtsSpelling() {
    HostModel typed = HostModel.builder("EPYC-Rome").fallback(CpuFallback.ALLOW).vendor("AMD")
        .feature(CpuFeaturePolicy.REQUIRE, "x2apic").feature(CpuFeaturePolicy.DISABLE, "svm")
            .build();
    HostModel spelled = HostModel.builder("EPYC-Rome").fallback("allow").vendor("AMD")
        .feature("require", "x2apic").feature("disable", "svm").build();
    assertThat(typed).isEqualTo(spelled);
    assertThat(typed.knownFallback()).contains(CpuFallback.ALLOW);
    assertThat(typed.features()).extracting(CpuFeature::knownPolicy)
        .containsExactly(Optional.of(CpuFeaturePolicy.REQUIRE),
            Optional.of(CpuFeaturePolicy.DISABLE));
    assertThat(MigratableMode.yes(Migratable.ON, Migratable.OFF))
        .isEqualTo(MigratableMode.yes("on", "off"));
    assertThat(MigratableMode.yes(new Migratable[0]))
        .isEqualTo(new MigratableMode(true, Optional.of(List.of())));
  }

  @Test
  void everyPolicyOfLibvirtHasAConstantInItsOrder() {
    assertThat(List.of(CpuFeaturePolicy.values())).extracting(CpuFeaturePolicy::xmlValue)
        .containsExactly("force", "require", "optional", "disable", "forbid");
    for (CpuFeaturePolicy p : CpuFeaturePolicy.values()) {
      assertThat(CpuFeaturePolicy.fromXml(p.xmlValue())).isSameAs(p);
    }
    assertThat(CpuFeaturePolicy.fromXml("Require")).isNull();
    assertThat(CpuFallback.fromXml("forbid")).isSameAs(CpuFallback.FORBID);
    assertThat(CpuFallback.fromXml("deny")).isNull();
  }

  @Test
  void aPolicyWithoutAConstantIsKeptVerbatim() throws Exception {
    // The reader keeps a spelling this version has no constant for (a later libvirt's, say):
    // the typed accessor is empty, the writer prints the value back unchanged.
    String xml = """
        <domainCapabilities>
          <path>/usr/bin/qemu-system-x86_64</path>
          <domain>kvm</domain>
          <arch>x86_64</arch>
          <cpu>
            <mode name='host-passthrough' supported='no'/>
            <mode name='maximum' supported='no'/>
            <mode name='host-model' supported='yes'>
              <model fallback='forbid'>EPYC</model>
              <feature policy='prefer' name='x2apic'/>
            </mode>
            <mode name='custom' supported='no'/>
          </cpu>
          <devices>
          </devices>
        </domainCapabilities>
        """;
    DomainCapabilities doc = DomainCapabilitiesXml.parse(xml);
    HostModel hm = doc.cpu().orElseThrow().hostModel().orElseThrow();
    assertThat(hm.knownFallback()).contains(CpuFallback.FORBID);
    assertThat(hm.features()).containsExactly(new CpuFeature("prefer", "x2apic"));
    assertThat(hm.features().get(0).knownPolicy()).isEmpty();
    assertThat(DomainCapabilitiesXml.format(doc)).isEqualTo(xml);
  }
}

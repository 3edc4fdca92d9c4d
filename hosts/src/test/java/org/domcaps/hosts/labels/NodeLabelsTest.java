// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.model.Cpu;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.Sev;
import org.domcaps.model.Usable;
import org.junit.jupiter.api.Test;

/**
 * The label rules KubeVirt's node-labeller tests state, on this project's own inputs: the
 * host-model's required features (and only those) become host-model-required-features labels;
 * the host-model is labelled as a usable and migration model; a usable model is labelled only
 * when every feature of its definition is offered; obsolete and unusable models never are; SEV
 * and SEV-ES follow the document.
 */
class NodeLabelsTest {
  private final NodeLabels labeller = new NodeLabels();

  @Test
  void hostModelGivesItsNameVendorAndRequiredFeatures() throws Exception {
    SortedMap<String, String> labels = labels(intelHost().build());
    assertThat(labels).containsEntry(NodeLabels.HOST_MODEL_CPU + "Skylake-Client-IBRS", "true")
        .containsEntry(NodeLabels.CPU_MODEL + "Skylake-Client-IBRS", "true")
        .containsEntry(NodeLabels.CPU_MODEL_MIGRATION + "Skylake-Client-IBRS", "true")
        .containsEntry(NodeLabels.CPU_VENDOR + "Intel", "true")
        .doesNotContainKey(NodeLabels.OBSOLETE_HOST_MODEL);
    assertThat(labels.keySet().stream()
        .filter(k -> k.startsWith(NodeLabels.HOST_MODEL_REQUIRED_FEATURES)))
        .containsExactlyInAnyOrder(NodeLabels.HOST_MODEL_REQUIRED_FEATURES + "ds",
            NodeLabels.HOST_MODEL_REQUIRED_FEATURES + "acpi",
            NodeLabels.HOST_MODEL_REQUIRED_FEATURES + "ss");
  }

  @Test
  void featureLabelsAreTheExpandedHostModelsRequiredFeatures() throws Exception {
    SortedMap<String, String> labels = labels(intelHost().build());
    // Skylake-Client-IBRS's own features, the three required, not the disabled one.
    assertThat(labels)
        .containsKeys(NodeLabels.CPU_FEATURE + "ds", NodeLabels.CPU_FEATURE + "spec-ctrl",
            NodeLabels.CPU_FEATURE + "sse4.2", NodeLabels.CPU_FEATURE + "avx2");
    assertThat(labels).doesNotContainKey(NodeLabels.CPU_FEATURE + "hle");
  }

  @Test
  void usableModelsAreLabelledWhenTheirFeaturesAreOffered() throws Exception {
    SortedMap<String, String> labels = labels(intelHost().build());
    assertThat(labels)
        .containsKeys(NodeLabels.CPU_MODEL + "Penryn", NodeLabels.CPU_MODEL_MIGRATION + "Penryn")
        // usable 'unknown' counts as usable, as in the labeller
        .containsKeys(NodeLabels.CPU_MODEL + "Nehalem")
        // obsolete by default, though usable
        .doesNotContainKeys(NodeLabels.CPU_MODEL + "Opteron_G2", NodeLabels.CPU_MODEL + "qemu64")
        // reported unusable
        .doesNotContainKeys(NodeLabels.CPU_MODEL + "Westmere")
        // usable per QEMU, but its definition needs features the host-model lacks (avx512f)
        .doesNotContainKeys(NodeLabels.CPU_MODEL + "Skylake-Server");
  }

  @Test
  void nothingUsableGivesNoModelLabels() throws Exception {
    DomainCapabilities doc = DomainCapabilities.builder().path("/usr/bin/qemu-system-x86_64")
        .domain("kvm")
        .arch("x86_64").cpu(Cpu.builder().hostModel(skylakeHostModel())
            .customModel("Penryn", Usable.NO, false, "Intel")
            .customModel("Skylake-Client-IBRS", Usable.NO, false, "Intel").build()).build();
    assertThat(labels(doc).keySet())
        .filteredOn(k -> k.startsWith(NodeLabels.CPU_MODEL)
            || k.startsWith(NodeLabels.CPU_MODEL_MIGRATION))
        .containsExactly(NodeLabels.CPU_MODEL_MIGRATION + "Skylake-Client-IBRS");
  }

  @Test
  void obsoleteHostModelIsMarkedAndNotOfferedForMigration() throws Exception {
    DomainCapabilities doc = DomainCapabilities.builder().path("/usr/bin/qemu-system-x86_64")
        .domain("kvm")
        .arch("x86_64").cpu(Cpu.builder().hostModel(HostModel.builder("kvm64").vendor("AMD")
            .feature("require", "x2apic").build())
            .customModel("kvm64", Usable.YES, false, "unknown").build()).build();
    assertThat(labels(doc)).containsEntry(NodeLabels.OBSOLETE_HOST_MODEL, "true")
        .containsEntry(NodeLabels.HOST_MODEL_CPU + "kvm64", "true")
        .doesNotContainKeys(NodeLabels.CPU_MODEL_MIGRATION + "kvm64", NodeLabels.CPU_MODEL
            + "kvm64");
  }

  @Test
  void sevAndSevEsFollowTheDocument() throws Exception {
    assertThat(
        labels(intelHost().features(Features.builder().sev(Sev.supported(47, 1, 509, 10)).build())
            .build()))
        .containsEntry(NodeLabels.SEV, "").containsEntry(NodeLabels.SEV_ES, "");
    assertThat(
        labels(intelHost().features(Features.builder().sev(Sev.supported(47, 1, 509, 0)).build())
            .build()))
        .containsEntry(NodeLabels.SEV, "").doesNotContainKey(NodeLabels.SEV_ES);
    assertThat(
        labels(intelHost().features(Features.builder().sev(Sev.unsupported()).build()).build()))
        .doesNotContainKeys(NodeLabels.SEV, NodeLabels.SEV_ES);
  }

  private SortedMap<String, String> labels(DomainCapabilities doc) throws Exception {
    return labeller.labels(doc, HypervisorCpu.ofDocument(doc), NodeLabels.DEFAULT_OBSOLETE);
  }

  private static HostModel skylakeHostModel() {
    return HostModel.builder("Skylake-Client-IBRS").fallback("allow").vendor("Intel")
        .feature("require", "ds").feature("require", "acpi").feature("require", "ss")
        .feature("disable", "hle").build();
  }

  private static DomainCapabilities.Builder intelHost() {
    Cpu cpu = Cpu.builder().hostModel(skylakeHostModel())
        .customModel("qemu64", Usable.YES, false, "unknown")
        .customModel("Opteron_G2", Usable.YES, false, "AMD")
        .customModel("Penryn", Usable.YES, false, "Intel")
        .customModel("Nehalem", Usable.UNKNOWN, false, "Intel")
        .customModel("Westmere", Usable.NO, false, "Intel")
        .customModel("Skylake-Client-IBRS", Usable.YES, false, "Intel")
        .customModel("Skylake-Server", Usable.YES, false, "Intel").build();
    return DomainCapabilities.builder().path("/usr/bin/qemu-system-x86_64").domain("kvm")
        .arch("x86_64")
        .machine("pc-q35-7.2").cpu(cpu);
  }

}

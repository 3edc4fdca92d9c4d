// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.domcaps.model.CpuModel;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;
import org.domcaps.model.query.Answer;
import org.domcaps.model.query.CapabilityQuestions;
import org.domcaps.model.query.GraphicsType;
import org.domcaps.model.query.VideoModel;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The question list of issue 10 answered for every document libvirt 9.0.0 printed on this
 * project's machine ({@code ../shared/oracle}) and every libvirt 11.3.0 golden (once the model
 * reads them), each answer checked against the document read element by element.
 */
class QuestionListTest {
  static Stream<Path> documents() throws IOException {
    Path golden113 = SharedData.root().resolve("conformance/libvirt-11.3.0/domaincaps");
    try (Stream<Path> oracle = Files.walk(SharedData.oracle());
        Stream<Path> v113 = Files.list(golden113)) {
      return Stream.concat(
          oracle.filter(p -> p.toString().endsWith(".xml"))
              .filter(p -> !p.getFileName().toString().equals("capabilities.xml")),
          v113.filter(p -> p.toString().endsWith(".xml"))).sorted().toList().stream();
    }
  }

  private static DomainCapabilities read(Path file) throws IOException {
    try {
      return DomainCapabilitiesXml.parse(file);
    } catch (DomainCapabilitiesParseException e) {
      if (file.startsWith(SharedData.oracle())) {
        throw new AssertionError(file + " is libvirt 9.0's own output and must read", e);
      }
      Assumptions.abort("skipped: the model does not read this libvirt 11.3 document yet "
          + "(it arrives from branch model): " + e.getMessage());
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void everyQuestionIsAnsweredAsTheDocumentSays(Path file) throws IOException {
    DomainCapabilities caps = read(file);
    CapabilityQuestions q = CapabilityQuestions.of(caps);
    VirtManagerPredicates vm = new VirtManagerPredicates(caps);

    // firmware
    List<String> readonly = caps.os().loader().findEnum("readonly").map(e -> e.values())
        .orElse(List.of());
    assertThat(vm.supportsUefiLoader()).isEqualTo(readonly.contains("yes"));
    assertThat(q.loaderPaths()).isEqualTo(caps.os().loader().values());
    vm.uefiPathForArch().ifPresent(p -> assertThat(q.loaderPaths()).contains(p));
    if (caps.arch().equals("x86_64")
        && q.loaderPaths().stream().anyMatch(p -> p.contains("OVMF"))) {
      assertThat(vm.uefiPathForArch()).get().asString().contains("OVMF");
    }
    assertThat(vm.supportsSecureBoot()).isEqualTo(caps.os().loader().findEnum("secure")
        .map(e -> e.values().contains("yes")).orElse(false));

    // CPU
    List<String> usable = caps.cpu().map(c -> c.custom().stream()
        .filter(m -> m.usable() == Usable.YES).map(CpuModel::name).toList()).orElse(List.of());
    assertThat(q.usableCpuModels()).isEqualTo(usable);
    assertThat(q.offerableCpuModels()).containsAll(usable);
    assertThat(q.hostModel()).isEqualTo(caps.cpu().isEmpty() ? Answer.NOT_REPORTED
        : Answer.of(caps.cpu().get().hostModel().isPresent()));
    assertThat(q.hostModelName().isPresent()).isEqualTo(q.hostModel().isYes());
    Map<String, String> labels = NodeLabeller.labels(caps);
    usable.forEach(m -> assertThat(labels).containsEntry(NodeLabeller.CPU_MODEL + m, "true"));
    q.hostModelRequiredFeatures().forEach(f ->
        assertThat(labels).containsKey(NodeLabeller.REQUIRED_FEATURE + f));
    assertThat(labels.keySet().stream().filter(k -> k.startsWith(NodeLabeller.CPU_MODEL)))
        .hasSize(usable.size());

    // launch security and limits
    assertThat(q.sev()).isEqualTo(Answer.of(caps.features().sev().supported()));
    assertThat(labels.containsKey(NodeLabeller.SEV)).isEqualTo(q.sev().isYes());
    if (q.sevEs().isYes()) {
      assertThat(q.sevMaxEsGuests().getAsInt()).isPositive();
    }
    assertThat(q.maxVcpus()).isEqualTo(caps.vcpuMax());

    // devices: typed answers agree with the raw enum values, and nothing is dropped
    assertAgrees(caps.devices().disk().supported(), caps.devices().disk().values("bus"),
        q.diskBuses().known().size() + q.diskBuses().unrecognised().size());
    assertAgrees(caps.devices().video().supported(), caps.devices().video().values("modelType"),
        q.videoModels().known().size() + q.videoModels().unrecognised().size());
    for (VideoModel m : VideoModel.values()) {
      assertThat(vm.supportsVideo(m))
          .isEqualTo(caps.devices().video().values("modelType").contains(m.libvirtName()));
    }
    for (GraphicsType t : GraphicsType.values()) {
      assertThat(vm.supportsGraphics(t))
          .isEqualTo(caps.devices().graphics().values("type").contains(t.libvirtName()));
    }
    assertThat(vm.supportsTpmEmulator()).isEqualTo(
        !caps.devices().tpm().values("model").isEmpty()
            && caps.devices().tpm().values("backendModel").contains("emulator"));
    assertThat(q.tpmVersions().reported())
        .isEqualTo(caps.devices().tpm().supported() == Supported.NO
            || caps.devices().tpm().findEnum("backendVersion").isPresent());
    assertThat(vm.supportsFilesystemVirtiofs())
        .isEqualTo(caps.devices().filesystem().values("driverType").contains("virtiofs"));
    assertThat(vm.supportsMemorybackingMemfd())
        .isEqualTo(caps.memoryBacking().values("sourceType").contains("memfd"));
    assertThat(q.hypervFeatures().known().size() + q.hypervFeatures().unrecognised().size())
        .isEqualTo(caps.features().hyperv().values("features").size());
    assertThat(q.diskBuses().unrecognised()).as("every bus libvirt printed has a name").isEmpty();
  }

  private static void assertAgrees(Supported element, List<String> raw, int typed) {
    assertThat(typed).isEqualTo(element == Supported.YES ? raw.size() : 0);
  }
}

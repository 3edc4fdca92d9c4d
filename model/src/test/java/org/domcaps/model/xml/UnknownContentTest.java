// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.model.DocumentWarning;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.ReadResult;
import org.domcaps.model.UnknownPart;
import org.domcaps.testing.UnknownDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward compatibility: documents with parts no libvirt prints yet read, keep those parts in
 * place, write back byte for byte, and name each part in a warning with line:column.
 */
class UnknownContentTest {
  private static final LibvirtVersion NEWEST = LibvirtVersion.of(12, 8, 0);

  static Stream<String> documents() {
    return UnknownDocuments.NAMES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void keepsUnknownPartsInPlaceAndWritesBackByteIdentical(String name) throws Exception {
    String doc = UnknownDocuments.read(name);
    ReadResult read = DomainCapabilitiesXml.parseWithWarnings(new StringReader(doc));
    assertThat(DomainCapabilitiesXml.format(read.caps())).isEqualTo(doc);
    assertThat(DomainCapabilitiesXml.parse(DomainCapabilitiesXml.format(read.caps())))
        .isEqualTo(read.caps());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void warnsAboutEachUnknownPartWithItsPosition(String name) throws Exception {
    ReadResult read = DomainCapabilitiesXml.parseWithWarnings(
        new StringReader(UnknownDocuments.read(name)));
    assertThat(read.warnings()).isNotEmpty().allSatisfy(w -> {
      assertThat(w.line()).isPositive();
      assertThat(w.column()).isPositive();
    });
    List<String> where = read.warnings().stream().map(DocumentWarning::where).toList();
    for (UnknownPart p : read.caps().unknown().parts()) {
      assertThat(where).anySatisfy(w -> assertThat(w).endsWith(p.isAttribute()
          ? "@" + p.attributeName() : "/" + p.element().name()));
    }
  }

  /** Written as the newest known release, the unknown parts go and the base document is left. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writtenAsAKnownReleaseDropsExactlyTheUnknownParts(String name) throws Exception {
    DomainCapabilities caps = DomainCapabilitiesXml.parse(UnknownDocuments.read(name));
    assertThat(DomainCapabilitiesXml.couldHavePrinted(caps)).isEmpty();
    assertThat(DomainCapabilitiesXml.format(caps, NEWEST))
        .isEqualTo(UnknownDocuments.read("base"));
  }

  @Test
  void theBaseDocumentIsAllKnownAndOnlyTheNewestReleaseCouldHavePrintedIt() throws Exception {
    ReadResult read = DomainCapabilitiesXml.parseWithWarnings(
        new StringReader(UnknownDocuments.read("base")));
    assertThat(read.warnings()).isEmpty();
    assertThat(DomainCapabilitiesXml.couldHavePrinted(read.caps())).containsExactly(NEWEST);
  }

  @Test
  void namesTheUnknownPartsOfEachKind() throws Exception {
    assertThat(warnings("new-device")).containsExactly("/domainCapabilities/devices/sound");
    assertThat(warnings("new-top-level-element"))
        .containsExactly("/domainCapabilities/memoryDevices");
    assertThat(warnings("new-cpu-mode")).containsExactly("/domainCapabilities/cpu/mode");
    assertThat(warnings("attributes-on-known-elements")).containsExactly(
        "/domainCapabilities/vcpu@hotpluggable",
        "/domainCapabilities/cpu/mode/model@since",
        "/domainCapabilities/devices/disk@hotplug");
    assertThat(warnings("unknown-enum-name"))
        .containsExactly("/domainCapabilities/devices/hostdev/enum@name");
    assertThat(warnings("nested-unknown-content"))
        .containsExactly("/domainCapabilities/features/confidential");
  }

  @Test
  void answersTheQuestionsItKnowsDespiteUnknownParts() throws Exception {
    DomainCapabilities caps = DomainCapabilitiesXml.parse(UnknownDocuments.read("new-device"));
    assertThat(caps.devices().disk().values("bus")).containsExactly("virtio", "sata");
    assertThat(caps.devices().console().values("type")).containsExactly("pty");
    DomainCapabilities withEnum =
        DomainCapabilitiesXml.parse(UnknownDocuments.read("unknown-enum-name"));
    assertThat(withEnum.devices().hostdev().values("vfioVariant")).containsExactly("cdx");
  }

  private static List<String> warnings(String name) throws Exception {
    return DomainCapabilitiesXml.parseWithWarnings(new StringReader(UnknownDocuments.read(name)))
        .warnings().stream().map(DocumentWarning::where).toList();
  }
}

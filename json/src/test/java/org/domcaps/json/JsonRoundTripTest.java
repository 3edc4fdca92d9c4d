// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.domcaps.testing.UnknownDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * XML → JSON → XML gives libvirt's bytes back for every document of ../shared (9.0, 11.3 and the
 * newest release's), and for documents with parts no libvirt prints yet.
 */
class JsonRoundTripTest {
  /** virsh prints the document followed by two more newlines. */
  private static final String VIRSH_TRAILER = "\n\n";

  static Stream<Path> documents() {
    return SharedData.allDomainCapabilitiesDocuments().stream();
  }

  static Stream<Path> newerDocuments() {
    return SharedData.newerDomainCapabilitiesDocuments().stream();
  }

  static Stream<String> unknownDocuments() {
    return UnknownDocuments.NAMES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newerDocuments")
  void newerDocumentsGiveTheSameBytesThroughJson(Path file) throws Exception {
    String original = Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\n";
    DomainCapabilities caps = DomainCapabilitiesXml.parse(original);
    String json = DomainCapabilitiesJson.write(caps);
    var back = DomainCapabilitiesJson.readWithWarnings(new StringReader(json));
    assertThat(back.warnings()).isEmpty();
    assertThat(json).doesNotContain("\"unknown\": [");
    assertThat(DomainCapabilitiesXml.format(back.caps())).isEqualTo(original);
    assertThat(back.caps()).isEqualTo(caps);
  }

  /** Unknown XML content travels in {@code .unknown} with its place, and comes back in it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownDocuments")
  void unknownPartsGiveTheSameBytesThroughJson(String name) throws Exception {
    String original = UnknownDocuments.read(name);
    DomainCapabilities caps = DomainCapabilitiesXml.parse(original);
    String json = DomainCapabilitiesJson.write(caps);
    var back = DomainCapabilitiesJson.readWithWarnings(new StringReader(json));
    assertThat(DomainCapabilitiesXml.format(back.caps())).isEqualTo(original);
    assertThat(back.caps()).isEqualTo(caps);
    assertThat(back.warnings()).isNotEmpty();
    assertThat(DomainCapabilitiesJson.write(back.caps())).isEqualTo(json);
  }

  @Test
  void coversAllEightyNineSharedDocuments() {
    assertThat(SharedData.allDomainCapabilitiesDocuments()).hasSize(89);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void xmlToJsonToXmlGivesTheSameBytes(Path file) throws Exception {
    String original = Files.readString(file, StandardCharsets.UTF_8);
    if (file.startsWith(SharedData.oracle())) {
      assertThat(original).endsWith(">\n" + VIRSH_TRAILER);
      original = original.substring(0, original.length() - VIRSH_TRAILER.length());
    }
    DomainCapabilities caps = DomainCapabilitiesXml.parse(original);

    String json = DomainCapabilitiesJson.write(caps);
    DomainCapabilities back = DomainCapabilitiesJson.read(json);

    assertThat(DomainCapabilitiesXml.format(back)).isEqualTo(original);
    assertThat(back).isEqualTo(caps);
    // Stable: writing what was read gives the same JSON text.
    assertThat(DomainCapabilitiesJson.write(back)).isEqualTo(json);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.ReadResult;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every libvirt document of ../shared (9.0, 11.3, newest) reads and writes back byte for byte. */
class RoundTripTest {
  private static final String VIRSH_TRAILER = "\n\n";

  static Stream<Path> documents() {
    return SharedData.allDomainCapabilitiesDocuments().stream();
  }

  static Stream<Path> newerDocuments() {
    return SharedData.newerDomainCapabilitiesDocuments().stream();
  }

  @Test
  void theSharedDataHoldsEightyNineDocuments() {
    List<Path> all = SharedData.allDomainCapabilitiesDocuments();
    assertThat(all).hasSize(89);
    assertThat(SharedData.newerDomainCapabilitiesDocuments()).hasSizeGreaterThanOrEqualTo(58);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void readsAndWritesBackByteIdentical(Path file) throws Exception {
    String original = Files.readString(file, StandardCharsets.UTF_8);
    if (file.startsWith(SharedData.oracle())) {
      // virsh prints the document (which ends in a newline) followed by two more newlines.
      assertThat(original).endsWith(">\n" + VIRSH_TRAILER);
      original = original.substring(0, original.length() - VIRSH_TRAILER.length());
    }
    DomainCapabilities caps = DomainCapabilitiesXml.parse(file);
    String written = DomainCapabilitiesXml.format(caps);
    assertThat(written).isEqualTo(original);
    assertThat(DomainCapabilitiesXml.parse(written)).isEqualTo(caps);
  }

  /** libvirt 11.3's and 12.x's documents: every part known (no warning), written back alike. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("newerDocuments")
  void newerDocumentsReadWithoutUnknownPartsAndWriteBackByteIdentical(Path file)
      throws Exception {
    String original = Files.readString(file, StandardCharsets.UTF_8);
    String document = original.stripTrailing() + "\n";
    ReadResult read = DomainCapabilitiesXml.parseWithWarnings(new StringReader(original));
    assertThat(read.warnings()).isEmpty();
    assertThat(read.caps().unknown().isEmpty()).isTrue();
    String written = DomainCapabilitiesXml.format(read.caps());
    assertThat(written).isEqualTo(document);
    assertThat(DomainCapabilitiesXml.parse(written)).isEqualTo(read.caps());
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the writer produces is valid by libvirt's domaincaps.rng. */
class SchemaValidationTest {
  private static LibvirtSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    schema = new LibvirtSchema();
  }

  static Stream<Path> documents() {
    return SharedData.allDomainCapabilitiesDocuments().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writtenDocumentIsValid(Path file) throws Exception {
    String written = DomainCapabilitiesXml.format(DomainCapabilitiesXml.parse(file));
    assertThat(schema.validate(written)).isEmpty();
  }

  @Test
  void builtDocumentsAreValid() throws Exception {
    assertThat(schema.validate(DomainCapabilitiesXml.format(SampleDocuments.full()))).isEmpty();
    assertThat(schema.validate(DomainCapabilitiesXml.format(SampleDocuments.minimal())))
        .isEmpty();
  }

  @Test
  void schemaRejectsWhatLibvirtWouldNot() throws Exception {
    String bad = DomainCapabilitiesXml.format(SampleDocuments.minimal())
        .replace("<vcpu max='16'/>", "<vcpu max='lots'/>");
    assertThat(schema.validate(bad)).isNotEmpty();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the writer produces is valid by the newest libvirt's domaincaps.rng (12.8, Jing), for
 * every document of ../shared; written as libvirt 9.0 would print it, valid by 9.0's schema too.
 */
class SchemaValidationTest {
  private static LibvirtSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    schema = new LibvirtSchema();
  }

  static Stream<Path> documents() {
    return Stream.concat(SharedData.allDomainCapabilitiesDocuments().stream(),
        SharedData.newerDomainCapabilitiesDocuments().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writtenDocumentIsValid(Path file) throws Exception {
    String written = DomainCapabilitiesXml.format(DomainCapabilitiesXml.parse(file));
    assertThat(schema.validate(written)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void writtenAsEachReleaseIsValid(Path file) throws Exception {
    var caps = DomainCapabilitiesXml.parse(file);
    for (LibvirtVersion v : LibvirtVersion.SUPPORTED) {
      assertThat(schema.validate(DomainCapabilitiesXml.format(caps, v))).as("as " + v).isEmpty();
    }
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

  @Test
  void newerDocumentsWrittenAsLibvirt9AreValidByItsSchema() throws Exception {
    LibvirtSchema nine = new LibvirtSchema(LibvirtSchema.RNG_9_0);
    for (Path file : SharedData.newerDomainCapabilitiesDocuments()) {
      String as9 = DomainCapabilitiesXml.format(DomainCapabilitiesXml.parse(file),
          LibvirtVersion.V9_0);
      assertThat(nine.validate(as9)).as(file.toString()).isEmpty();
    }
  }
}

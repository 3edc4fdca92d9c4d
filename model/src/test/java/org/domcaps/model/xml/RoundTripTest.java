// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every libvirt 9.0.0 document of ../shared reads and writes back byte for byte. */
class RoundTripTest {
  private static final String VIRSH_TRAILER = "\n\n";

  static Stream<Path> documents() {
    return SharedData.allDomainCapabilitiesDocuments().stream();
  }

  @Test
  void theSharedDataHoldsEightyNineDocuments() {
    List<Path> all = SharedData.allDomainCapabilitiesDocuments();
    assertThat(all).hasSize(89);
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
}

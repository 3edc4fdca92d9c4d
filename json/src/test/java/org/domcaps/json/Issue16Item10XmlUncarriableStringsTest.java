// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16 item 10: JSON strings XML cannot carry were written raw (U+0000, U+FFFE), turned into
 * '?' (a lone surrogate) or dropped (U+0001, as libvirt's escaping drops it). Decision: each is
 * refused with the jq path, because the XML form could not give it back and dropping would make
 * the two forms disagree.
 */
class Issue16Item10XmlUncarriableStringsTest {
  private static final String HEAD = "{\"path\": \"/usr/bin/qemu\", \"domain\": \"kvm\","
      + " \"arch\": \"x86_64\", ";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "machine": "pc\\u0000"}                                                        | .machine | U+0000
      "machine": "pc\\uFFFE"}                                                        | .machine | U+FFFE
      "machine": "pc\\uD800"}                                                        | .machine | U+D800
      "machine": "pc\\uDC00x"}                                                       | .machine | U+DC00
      "machine": "pc\\u0001"}                                                        | .machine | U+0001
      "devices": {"disk": {"supported": "yes", "enums": {"bus": ["ide", "\\u0000"]}}}} | .devices.disk.enums.bus[1] | U+0000
      "devices": {"disk": {"supported": "yes", "enums": {"b\\uFFFEs": []}}}}          | .devices.disk.enums["b\uFFFEs"] | U+FFFE
      """)
  void refusedWithTheJqPath(String tail, String path, String character) {
    assertThatThrownBy(() -> DomainCapabilitiesJson.read(HEAD + tail))
        .isInstanceOf(DomainCapabilitiesJsonException.class)
        .hasMessageStartingWith(path + ": the string holds " + character)
        .hasMessageContaining("which XML cannot carry");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      "machine": "pc\\t\\u00e9\\uD83D\\uDE00"}
      "machine": "pc\\uFFFD"}
      """)
  void charactersXmlCarriesAreAccepted(String tail) throws Exception {
    DomainCapabilitiesJson.read(HEAD + tail);
  }
}

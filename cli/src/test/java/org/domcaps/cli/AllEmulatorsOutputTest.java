// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The two shapes of {@code domcaps --all}: an XML list and a JSON array, documents in order. */
class AllEmulatorsOutputTest {
  private static List<DomainCapabilities> twoDocuments() throws Exception {
    return List.of(
        DomainCapabilitiesXml.parse(SharedData.oracle().resolve("x86_64/default.xml")),
        DomainCapabilitiesXml.parse(SharedData.oracle().resolve("aarch64/virt.xml")));
  }

  @Test
  void jsonArrayHoldsEachDocumentsJsonFormInOrder() throws Exception {
    List<DomainCapabilities> docs = twoDocuments();
    JsonNode array = new ObjectMapper().readTree(AllEmulators.jsonArray(docs));
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(2);
    for (int i = 0; i < docs.size(); i++) {
      DomainCapabilities back = DomainCapabilitiesJson.read(array.get(i).toString());
      assertThat(DomainCapabilitiesXml.format(back))
          .isEqualTo(DomainCapabilitiesXml.format(docs.get(i)));
    }
  }

  @Test
  void emptyJsonArrayIsValid() {
    assertThat(AllEmulators.jsonArray(List.of())).isEqualTo("[]\n");
  }

  @Test
  void xmlListIndentsEachDocumentInsideTheWrapper() throws Exception {
    List<DomainCapabilities> docs = twoDocuments();
    String list = AllEmulators.xmlList(docs);
    assertThat(list).startsWith("<domainCapabilitiesList>\n  <domainCapabilities>\n    <path>");
    assertThat(list).endsWith("  </domainCapabilities>\n</domainCapabilitiesList>\n");
    assertThat(list.indexOf("qemu-system-x86_64")).isLessThan(list.indexOf("qemu-system-aarch64"));
  }
}

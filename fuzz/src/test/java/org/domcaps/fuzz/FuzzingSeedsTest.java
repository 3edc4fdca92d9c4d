// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.junit.jupiter.api.Test;

/** The fuzzing runs start from small seeds that the readers still accept. */
class FuzzingSeedsTest {
  @Test
  void thinnedDocumentsAreSmallAndStillRead() throws Exception {
    List<byte[]> caps = FuzzSeeds.fuzzingSeeds("qemucaps");
    assertThat(caps).hasSameSizeAs(FuzzSeeds.seeds("qemucaps"));
    int readable = 0;
    for (byte[] c : caps) {
      assertThat(c.length).isLessThan(16 * 1024);
      try {
        QemuCapsXml.read(new String(c, StandardCharsets.UTF_8));
        readable++;
      } catch (Exception refused) {
        // counted below
      }
    }
    assertThat(readable).as("thinned capability documents the reader accepts")
        .isGreaterThan(caps.size() / 2);

    List<byte[]> whole = FuzzSeeds.seeds("xml");
    List<byte[]> docs = FuzzSeeds.fuzzingSeeds("xml");
    assertThat(docs).hasSameSizeAs(whole);
    int docsRead = 0;
    for (int i = 0; i < whole.size(); i++) {
      try {
        DomainCapabilitiesXml.parse(new String(whole.get(i), StandardCharsets.UTF_8));
      } catch (DomainCapabilitiesParseException notADocument) {
        continue; // the oracle folders hold other documents too
      }
      DomainCapabilitiesXml.parse(new String(docs.get(i), StandardCharsets.UTF_8));
      assertThat(docs.get(i).length).isLessThan(whole.get(i).length + 1);
      docsRead++;
    }
    assertThat(docsRead).isGreaterThan(50);
    assertThat(FuzzSeeds.fuzzingSeeds("json")).hasSize(docsRead);
    assertThat(FuzzSeeds.fuzzingSeeds("snapshot")).hasSize(readable);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.domcaps.model.DomainCapabilities;
import org.junit.jupiter.api.Test;

/**
 * The reader reuses StAX readers between documents: a reused one must refuse exactly what a fresh
 * one refuses, with the same line:column, and must not carry anything over from the last
 * document.
 */
class ReaderReuseTest {
  private static final String VALID = DomainCapabilitiesXml.format(SampleDocuments.full());
  private static final String XXE = "<!DOCTYPE d [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
      + "<domainCapabilities><path>&xxe;</path></domainCapabilities>";
  private static final String BAD_VCPU = "<domainCapabilities>\n  <path>/x</path>\n"
      + "  <domain>kvm</domain>\n  <arch>x86_64</arch>\n  <vcpu max='lots'/>\n"
      + "</domainCapabilities>\n";

  @Test
  void refusalsAfterAcceptedDocumentsAreUnchanged() throws Exception {
    for (int round = 0; round < 5; round++) {
      assertThat(DomainCapabilitiesXml.format(DomainCapabilitiesXml.parse(VALID)))
          .isEqualTo(VALID);
      assertThatThrownBy(() -> DomainCapabilitiesXml.parse(XXE))
          .hasMessage("<1:58> /: a DOCTYPE is not allowed (no DTDs, no entities)");
      assertThat(DomainCapabilitiesXml.parse(VALID)).isEqualTo(SampleDocuments.full());
      assertThatThrownBy(() -> DomainCapabilitiesXml.parse(BAD_VCPU))
          .hasMessage("<5:21> /domainCapabilities/vcpu@max: expected an integer but was \"lots\"");
      // An error on the first line right after a long accepted document: positions restart.
      assertThat(DomainCapabilitiesXml.parse(VALID)).isNotNull();
      assertThatThrownBy(() -> DomainCapabilitiesXml.parse("<capabilities/>"))
          .hasMessage("<1:16> /capabilities: expected <domainCapabilities> as the root element");
    }
  }

  @Test
  void aReusedReaderSeesOnlyTheNewDocument() throws Exception {
    assertThat(DomainCapabilitiesXml.parse(VALID)).isNotNull();
    // Had the last document's text survived, this truncated one would not end early.
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(new StringReader("<domainCapabilities>")))
        .hasMessageContaining("/domainCapabilities: not well-formed XML");
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(""))
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void parsesConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DomainCapabilities>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String doc = i % 3 == 0 ? BAD_VCPU : VALID;
        results.add(pool.submit(() -> {
          try {
            return DomainCapabilitiesXml.parse(doc);
          } catch (DomainCapabilitiesParseException e) {
            assertThat(e).hasMessageStartingWith("<5:21> /domainCapabilities/vcpu@max");
            return null;
          }
        }));
      }
      for (int i = 0; i < results.size(); i++) {
        DomainCapabilities caps = results.get(i).get();
        if (i % 3 == 0) {
          assertThat(caps).isNull();
        } else {
          assertThat(caps).isEqualTo(SampleDocuments.full());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

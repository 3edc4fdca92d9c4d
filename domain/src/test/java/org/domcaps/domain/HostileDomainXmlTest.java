// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Definitions an attacker would write: each refused with a clear message, in bounded memory. */
class HostileDomainXmlTest {
  @Test
  void internalEntitiesAreRefused() {
    String laughs = "<?xml version='1.0'?>\n<!DOCTYPE domain [\n<!ENTITY a 'lol'>\n"
        + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>\n]>\n<domain><name>&b;</name></domain>";
    assertThatThrownBy(() -> new DomainXmlReader().read(laughs))
        .isInstanceOf(DomainXmlException.class)
        .hasMessageStartingWith("DOCTYPE refused");
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "\n<domain><name>&x;</name></domain>";
    assertThatThrownBy(() -> new DomainXmlReader().read(xxe))
        .isInstanceOf(DomainXmlException.class)
        .hasMessageStartingWith("DOCTYPE refused");
  }

  @Test
  void anUndeclaredEntityIsNotWellFormed() {
    assertThatThrownBy(() -> new DomainXmlReader().read("<domain><name>&x;</name></domain>"))
        .isInstanceOf(DomainXmlException.class)
        .hasMessageContaining("x");
  }

  @Test
  void tenThousandLevelsDeepIsRefusedAtTheLimit() {
    StringBuilder s = new StringBuilder("<domain>");
    s.append("<a>".repeat(10_000)).append("</a>".repeat(10_000)).append("</domain>");
    assertThatThrownBy(() -> new DomainXmlReader().read(s.toString()))
        .isInstanceOf(DomainXmlException.class)
        .hasMessage("elements nested deeper than 64 levels at <a>");
  }

  @Test
  void fiftyMegabytesAreRefusedWhileStreamingIn() {
    // Generated on the fly: the test holds no 50 MB buffer, and neither may the reader.
    InputStream fifty = new InputStream() {
      private final byte[] head = "<domain><name>".getBytes(StandardCharsets.US_ASCII);
      private long pos;

      @Override
      public int read() {
        if (pos >= 50L * 1024 * 1024) {
          return -1;
        }
        return pos < head.length ? head[(int) pos++] : (pos++ % 2 == 0 ? 'x' : 'y');
      }
    };
    assertThatThrownBy(() -> new DomainXmlReader().read(fifty))
        .isInstanceOf(DomainXmlException.class)
        .hasMessage("document exceeds 10485760 bytes; a domain definition is far smaller");
  }

  @Test
  void invalidUtf8IsRefusedWithItsOffsetAndLine() {
    byte[] bad = "<domain>\n<name>ab\u0000</name></domain>".getBytes(StandardCharsets.UTF_8);
    bad[15] = (byte) 0xC3;
    bad[16] = (byte) 0x28; // 0xC3 must be followed by a continuation byte
    assertThatThrownBy(() -> new DomainXmlReader().read(new ByteArrayInputStream(bad)))
        .isInstanceOf(DomainXmlException.class)
        .hasMessage("invalid UTF-8: byte 0xc3 at offset 15; a domain definition must be UTF-8")
        .satisfies(e -> org.assertj.core.api.Assertions
            .assertThat(((DomainXmlException) e).line()).isEqualTo(2));
  }

  @Test
  void tooManyElementsAreRefused() {
    String many = "<domain>" + "<a/>".repeat(1000) + "</domain>";
    assertThatThrownBy(() -> new DomainXmlReader(1 << 20, 64, 500).read(many))
        .isInstanceOf(DomainXmlException.class)
        .hasMessage("more than 500 elements");
  }
}

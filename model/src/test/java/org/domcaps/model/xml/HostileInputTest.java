// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents are refused early, with a clear message, touching no file or network. */
class HostileInputTest {
  private static final String DOCTYPE_REFUSED = "a DOCTYPE is not allowed (no DTDs, no entities)";

  @Test
  void xxeFileEntityIsRefusedAndTheFileIsNotRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = "<?xml version='1.0'?>\n"
        + "<!DOCTYPE domainCapabilities [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>\n"
        + "<domainCapabilities><path>&xxe;</path></domainCapabilities>\n";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(xml))
        .isInstanceOf(DomainCapabilitiesParseException.class)
        .hasMessageEndingWith("/: " + DOCTYPE_REFUSED)
        .hasMessageNotContaining("TOP-SECRET");
    String passwd = "<!DOCTYPE d [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
        + "<domainCapabilities><path>&xxe;</path></domainCapabilities>";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(passwd))
        .hasMessage("<1:58> /: " + DOCTYPE_REFUSED)
        .hasMessageNotContaining("root:");
  }

  @Test
  void undeclaredEntityIsRefused() {
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(
            "<domainCapabilities><path>&xxe;</path></domainCapabilities>"))
        .hasMessage("<1:32> /domainCapabilities/path: not well-formed XML: "
            + "The entity \"xxe\" was referenced, but not declared.");
  }

  @Test
  void externalEntitiesAndDtdsOpenNoConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
      String[] payloads = {
        "<!DOCTYPE d SYSTEM '" + url + "'><domainCapabilities/>",
        "<!DOCTYPE d [<!ENTITY % p SYSTEM '" + url + "'> %p;]><domainCapabilities/>",
        "<!DOCTYPE d [<!ENTITY e SYSTEM '" + url
            + "'>]><domainCapabilities>&e;</domainCapabilities>",
      };
      for (String xml : payloads) {
        assertThatThrownBy(() -> DomainCapabilitiesXml.parse(xml))
            .isInstanceOf(DomainCapabilitiesParseException.class)
            .hasMessageEndingWith(DOCTYPE_REFUSED);
      }
      server.setSoTimeout(500);
      assertThatThrownBy(server::accept)
          .as("the parser must not have connected to " + url)
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void billionLaughsIsRefusedBeforeExpansion() {
    StringBuilder xml = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE lolz [\n"
        + " <!ENTITY lol 'lol'>\n");
    for (int i = 1; i <= 9; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" '");
      for (int j = 0; j < 10; j++) {
        xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      xml.append("'>\n");
    }
    xml.append("]>\n<domainCapabilities><path>&lol9;</path></domainCapabilities>\n");
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(xml.toString()))
        .hasMessage("<13:4> /: " + DOCTYPE_REFUSED);
  }

  @Test
  void fiftyMegabyteDocumentIsRefusedWhileStreaming() {
    CountingReader huge = new CountingReader(50L * 1024 * 1024);
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(huge))
        .isInstanceOf(DomainCapabilitiesParseException.class)
        .hasMessageEndingWith(
            "/domainCapabilities/path: document larger than 8388608 characters refused");
    // Streaming: reading stopped at the limit (plus one probe), far short of 50 MB.
    assertThat(huge.served).isLessThanOrEqualTo(DomainCapabilitiesXml.MAX_DOCUMENT_CHARS + 1);
  }

  @Test
  void fiftyMegabyteFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("huge.xml");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new CountingReader(50L * 1024 * 1024).transferTo(w);
    }
    assertThat(Files.size(file)).isGreaterThan(50L * 1000 * 1000);
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(file))
        .hasMessageEndingWith("document larger than 8388608 characters refused");
  }

  @Test
  void documentOfExactlyTheLimitIsNotRefusedForItsSize() {
    String start = "<domainCapabilities><path>/";
    String end = "</path><domain>qemu</domain><arch>x86_64</arch></domainCapabilities>";
    int fill = (int) DomainCapabilitiesXml.MAX_DOCUMENT_CHARS - start.length() - end.length();
    String xml = start + "a".repeat(fill) + end;
    assertThat(xml).hasSize((int) DomainCapabilitiesXml.MAX_DOCUMENT_CHARS);
    // Nothing is wrong but its cpu-less, devices-less shape, which the reader accepts.
    org.assertj.core.api.Assertions.assertThatCode(() -> DomainCapabilitiesXml.parse(xml))
        .doesNotThrowAnyException();
  }

  @Test
  void tenThousandDeepNestingIsRefusedAtTheDepthLimit() {
    String deep = "<domainCapabilities>" + "<devices>".repeat(10_000)
        + "</devices>".repeat(10_000) + "</domainCapabilities>";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(deep))
        .hasMessage("<1:165> /domainCapabilities" + "/devices".repeat(16)
            + ": elements nest deeper than 16 levels");
  }

  @Test
  void depthGuardStopsAnyDeepWalk() throws Exception {
    String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    XMLStreamReader r = XMLInputFactory.newDefaultFactory()
        .createXMLStreamReader(new StringReader(deep));
    XmlCursor c = new XmlCursor(r, DomainCapabilitiesXml.MAX_DEPTH);
    assertThatThrownBy(() -> {
      while (c.nextChild()) {
        // descend
      }
    }).hasMessage("<1:52> /a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a: elements nest deeper than 16 levels");
  }

  @Test
  void invalidTriStateIsRefused() {
    String xml = "<domainCapabilities><path>/q</path><domain>kvm</domain><arch>x86_64</arch>"
        + "<os supported='maybe'/></domainCapabilities>";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(xml))
        .hasMessage("<1:98> /domainCapabilities/os@supported: "
            + "expected 'yes' or 'no' but was \"maybe\"");
  }

  @Test
  void unknownElementIsKeptAndReported() throws Exception {
    String xml = "<domainCapabilities><path>/q</path><domain>kvm</domain><arch>x86_64</arch>"
        + "<os supported='yes'><bootmenu/></os></domainCapabilities>";
    var read = DomainCapabilitiesXml.parseWithWarnings(new StringReader(xml));
    assertThat(read.warnings()).extracting(Object::toString).containsExactly(
        "1:106: /domainCapabilities/os/bootmenu: unknown element <bootmenu> (known: enum,"
            + " firmwareFeatures, loader, varstore); kept as written");
    assertThat(read.caps().unknown().parts()).hasSize(1);
  }

  /** Generates a document with one enormous path, never holding it in memory. */
  private static final class CountingReader extends Reader {
    private static final String HEAD = "<domainCapabilities><path>/";
    private final long size;
    long served;

    CountingReader(long size) {
      this.size = size;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (served >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - served);
      for (int i = 0; i < n; i++) {
        long pos = served + i;
        buf[off + i] = pos < HEAD.length() ? HEAD.charAt((int) pos) : 'a';
      }
      served += n;
      return n;
    }

    @Override
    public void close() {}
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 15: a UTF-8 byte order mark before the document was refused by both readers. */
class Issue16Item15ByteOrderMarkTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void bothReadersAcceptAByteOrderMark(@TempDir Path dir) throws Exception {
    Path source = SharedData.conformance().resolve("domaincaps/qemu_7.2.0-q35.x86_64.xml");
    DomainCapabilities caps = DomainCapabilitiesXml.parse(source);
    Path xml = withBom(dir.resolve("caps.xml"), DomainCapabilitiesXml.format(caps));
    Path json = withBom(dir.resolve("caps.json"), DomainCapabilitiesJson.write(caps));
    assertThat(Files.readAllBytes(xml)).startsWith(BOM);

    assertThat(DomainCapabilitiesXml.parse(xml)).isEqualTo(caps);
    assertThat(DomainCapabilitiesJson.read(json)).isEqualTo(caps);
    assertThat(DomainCapabilitiesXml.parse("\uFEFF" + DomainCapabilitiesXml.format(caps)))
        .isEqualTo(caps);
    assertThat(DomainCapabilitiesJson.read("\uFEFF" + DomainCapabilitiesJson.write(caps)))
        .isEqualTo(caps);
  }

  private static Path withBom(Path file, String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(BOM);
    out.write(text.getBytes(StandardCharsets.UTF_8));
    return Files.write(file, out.toByteArray());
  }
}

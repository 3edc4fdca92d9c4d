// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.model.Cpu;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesParseException;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/**
 * The {@code <cpu>} element (and {@code <machine>}) of a domain-capabilities document libvirt
 * printed: read into the document model by {@code model.xml}'s reader, and as libvirt's text.
 */
final class GoldenCpuReader {
  record Golden(String machine, Cpu cpu, String cpuText) {}

  private GoldenCpuReader() {}

  static Golden read(Path file) throws IOException, DomainCapabilitiesParseException {
    String text = Files.readString(file);
    DomainCapabilities doc = DomainCapabilitiesXml.parse(text);
    Cpu cpu = doc.cpu()
        .orElseThrow(() -> new IllegalStateException(file + " has no <cpu> element"));
    return new Golden(doc.machine().orElse(null), cpu, CpuText.cut(text, file.toString()));
  }
}

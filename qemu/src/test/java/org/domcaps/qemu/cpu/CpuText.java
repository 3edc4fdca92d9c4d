// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import org.domcaps.model.Cpu;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/**
 * The text of a {@code <cpu>} element as the project prints it: through {@code model.xml}'s
 * writer, the one writer of the document, positioned as a child of {@code <domainCapabilities>}.
 */
final class CpuText {
  private static final String START = "  <cpu>\n";
  private static final String END = "  </cpu>\n";

  private CpuText() {}

  /** {@code cpu} written inside an otherwise empty document, then cut out of it. */
  static String of(Cpu cpu) {
    DomainCapabilities doc = DomainCapabilities.builder()
        .path("/usr/bin/qemu-system-x86_64").domain("qemu").arch("x86_64").cpu(cpu).build();
    return cut(DomainCapabilitiesXml.format(doc), "the written document");
  }

  /** The {@code <cpu>} element of a whole document's text, first line to last. */
  static String cut(String document, String what) {
    int start = document.indexOf(START);
    int end = document.indexOf(END, start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException(what + " has no \"  <cpu>\" … \"  </cpu>\" element:\n"
          + document);
    }
    return document.substring(start, end + END.length());
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.model.DomainCapabilities;

/** Reads and writes libvirt 9.0.0's {@code <domainCapabilities>} XML. */
public final class DomainCapabilitiesXml {
  /** Documents larger than this many characters are refused. */
  public static final long MAX_DOCUMENT_CHARS = 8L * 1024 * 1024;
  /** Elements nested deeper than this are refused (libvirt's deepest is 5). */
  public static final int MAX_DEPTH = 16;

  private DomainCapabilitiesXml() {}

  /** libvirt's exact text, ending in a newline. */
  public static String format(DomainCapabilities caps) {
    return new DomainCapsWriter().write(caps);
  }

  public static DomainCapabilities parse(String xml) throws DomainCapabilitiesParseException {
    return parse(new StringReader(xml));
  }

  /** Reads at most {@link #MAX_DOCUMENT_CHARS} characters; the reader is not closed. */
  public static DomainCapabilities parse(Reader in) throws DomainCapabilitiesParseException {
    return new DomainCapsReader().read(in);
  }

  public static DomainCapabilities parse(Path file)
      throws DomainCapabilitiesParseException, IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in);
    }
  }
}

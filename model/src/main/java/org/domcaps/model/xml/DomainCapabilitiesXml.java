// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtPrints;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.ReadResult;

/**
 * Reads and writes the {@code <domainCapabilities>} XML of libvirt 9.0.0 through 12.8, byte for
 * byte, keeping what a newer libvirt adds (see {@link DomainCapabilities#unknown()}); writes a
 * document as a given release would print it.
 */
public final class DomainCapabilitiesXml {
  /** Documents larger than this many characters are refused. */
  public static final long MAX_DOCUMENT_CHARS = 8L * 1024 * 1024;
  /** Elements nested deeper than this are refused (libvirt's deepest is 5). */
  public static final int MAX_DEPTH = 16;

  private DomainCapabilitiesXml() {}

  /**
   * libvirt's exact text, ending in a newline: everything the model holds, unknown content in its
   * place.
   */
  public static String format(DomainCapabilities caps) {
    return new DomainCapsWriter(caps.unknown()).write(caps);
  }

  /**
   * The document as libvirt {@code version} would print it: what that release does not print
   * (later devices, features, attributes, enum names, unknown content) is left out.
   *
   * @throws IllegalArgumentException for a release without a table in {@link LibvirtPrints}
   */
  public static String format(DomainCapabilities caps, LibvirtVersion version) {
    LibvirtPrints table = LibvirtPrints.of(version).orElseThrow(() -> new IllegalArgumentException(
        "no table of what libvirt " + version + " prints (known: " + LibvirtPrints.TABLES + ")"));
    return new DomainCapsWriter(table).write(caps);
  }

  /** The releases (of {@link LibvirtPrints#TABLES}) that could have printed {@code caps}. */
  public static List<LibvirtVersion> couldHavePrinted(DomainCapabilities caps) {
    return LibvirtPrints.couldHavePrinted(caps);
  }

  /** As {@link #parse(Reader)}, also listing what the model does not know, with line:column. */
  public static ReadResult parseWithWarnings(Reader in) throws DomainCapabilitiesParseException {
    return new DomainCapsReader().readWithWarnings(in);
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

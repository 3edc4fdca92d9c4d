// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Loader;
import org.domcaps.model.Os;
import org.domcaps.model.Supported;

/** Reads {@code <os>} and its {@code <loader>}. */
final class OsReader {
  private static final Set<String> KNOWN = Set.of("firmwareFeatures", "loader", "varstore");

  private OsReader() {}

  static Os os(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    Supported supported = Scalars.supported(c);
    if (supported == Supported.NO) {
      EnumReader.endUnsupported(c);
      return Os.unsupported();
    }
    List<CapsEnum> enums = new ArrayList<>();
    Os.Builder b = Os.builder();
    Set<String> seen = new HashSet<>();
    while (c.nextChild()) {
      String name = c.name();
      if (!name.equals("enum") && KNOWN.contains(name) && !seen.add(name)) {
        throw c.error("element appears twice");
      }
      switch (name) {
        case "enum":
          enums.add(EnumReader.capsEnum(c, EnumOrder.allowed("os"), enums));
          break;
        case "firmwareFeatures":
          b.firmwareFeatures(EnumReader.capability(c));
          break;
        case "loader":
          b.loader(loader(c));
          break;
        case "varstore":
          b.varstore(DomainCapsReader.simpleFlag(c));
          break;
        default:
          c.keepUnknownElement("element <" + name + "> (known: enum, firmwareFeatures, loader,"
              + " varstore)");
      }
    }
    return b.enums(enums).build();
  }

  private static Loader loader(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    Supported supported = Scalars.supported(c);
    if (supported == Supported.NO) {
      EnumReader.endUnsupported(c);
      return Loader.unsupported();
    }
    List<String> values = new ArrayList<>();
    List<CapsEnum> enums = new ArrayList<>();
    while (c.nextChild()) {
      switch (c.name()) {
        case "value":
          c.allowAttributes();
          values.add(c.text(true));
          break;
        case "enum":
          enums.add(EnumReader.capsEnum(c, EnumOrder.allowed("loader"), enums));
          break;
        default:
          c.keepUnknownElement("element <" + c.name() + "> (known: value, enum)");
      }
    }
    return new Loader(Supported.YES, values, enums);
  }
}

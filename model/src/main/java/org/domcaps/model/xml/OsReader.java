// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Loader;
import org.domcaps.model.Os;
import org.domcaps.model.Supported;

/** Reads {@code <os>} and its {@code <loader>}. */
final class OsReader {
  private OsReader() {}

  static Os os(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    Supported supported = Scalars.supported(c);
    if (supported == Supported.NO) {
      EnumReader.endUnsupported(c);
      return Os.unsupported();
    }
    List<CapsEnum> enums = new ArrayList<>();
    Loader loader = Loader.absent();
    while (c.nextChild()) {
      switch (c.name()) {
        case "enum":
          enums.add(EnumReader.capsEnum(c, EnumOrder.allowed("os"), enums));
          break;
        case "loader":
          if (loader.supported().isReported()) {
            throw c.error("element appears twice");
          }
          loader = loader(c);
          break;
        default:
          throw c.error("unknown element <" + c.name() + "> (expected <enum> or <loader>)");
      }
    }
    return new Os(Supported.YES, enums, loader);
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
          throw c.error("unknown element <" + c.name() + "> (expected <value> or <enum>)");
      }
    }
    return new Loader(Supported.YES, values, enums);
  }
}

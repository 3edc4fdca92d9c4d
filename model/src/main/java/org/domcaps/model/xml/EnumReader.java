// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.domcaps.model.xml.XmlCursor.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Capability;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Supported;

/** Reads {@code <enum>} elements and the supported-plus-enums elements built on them. */
final class EnumReader {
  private EnumReader() {}

  /**
   * Reads the current {@code <enum>} (already entered) whose name must be one of {@code allowed}
   * and not among {@code seen}.
   */
  static CapsEnum capsEnum(XmlCursor c, List<String> allowed, List<CapsEnum> seen)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("name");
    String name = c.attribute("name");
    if (!allowed.contains(name)) {
      // A newer libvirt's enum: kept, typed like the others, and reported.
      c.warn(c.pathString() + "@name", "unknown enum " + quote(name) + " kept (known: "
          + String.join(", ", allowed) + ")");
    }
    for (CapsEnum e : seen) {
      if (e.name().equals(name)) {
        throw c.attributeError("name", "enum " + quote(name) + " appears twice");
      }
    }
    List<String> values = new ArrayList<>();
    // Linear: a hash set of the values so far, never a scan of the list per value.
    Set<String> distinct = new HashSet<>();
    while (c.nextChild()) {
      if (!c.name().equals("value")) {
        c.keepUnknownElement("element <" + c.name() + "> (an <enum> holds <value>s)");
        continue;
      }
      c.allowAttributes();
      String v = c.text();
      if (!distinct.add(v)) {
        throw c.error("enum " + quote(name) + " repeats value " + quote(v));
      }
      values.add(v);
    }
    return new CapsEnum(name, values);
  }

  /** Reads the current element as {@code supported} plus the enums libvirt prints in it. */
  static Capability capability(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    String element = c.name();
    c.allowAttributes("supported");
    Supported supported = Scalars.supported(c);
    if (supported == Supported.NO) {
      endUnsupported(c);
      return Capability.unsupported();
    }
    List<String> allowed = EnumOrder.allowed(element);
    List<CapsEnum> enums = new ArrayList<>();
    while (c.nextChild()) {
      if (!c.name().equals("enum")) {
        c.keepUnknownElement("element <" + c.name() + "> (expected <enum>)");
        continue;
      }
      enums.add(capsEnum(c, allowed, enums));
    }
    return Capability.supported(enums);
  }

  /**
   * Leaves an element that said {@code supported='no'}: libvirt prints nothing inside, so
   * whatever is there comes from a newer libvirt and is kept as unknown.
   */
  static void endUnsupported(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.end();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;

/** Reads the confidential-computing features {@code <sev>} and {@code <sgx>}. */
final class SecurityFeaturesReader {
  private static final List<String> SEV_NUMBERS =
      List.of("cbitpos", "reducedPhysBits", "maxGuests", "maxESGuests");
  private static final List<String> SGX_CHILDREN =
      List.of("flc", "sgx1", "sgx2", "section_size", "sections");

  private SecurityFeaturesReader() {}

  /**
   * libvirt prints {@code supported}; the format page's example omits it and writes
   * {@code reduced-phys-bits}, so a sev with details and no {@code supported} reads as supported.
   */
  static Sev sev(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    String supportedText = c.optionalAttribute("supported");
    Supported supported =
        supportedText == null ? Supported.ABSENT : Scalars.supportedValue(c, supportedText);
    if (supported == Supported.NO) {
      EnumReader.endUnsupported(c);
      return Sev.unsupported();
    }
    int[] numbers = {-1, -1, -1, -1};
    String cpu0Id = null;
    boolean any = false;
    Set<String> seen = new HashSet<>();
    while (c.nextChild()) {
      String name = c.name().equals("reduced-phys-bits") ? "reducedPhysBits" : c.name();
      int slot = SEV_NUMBERS.indexOf(name);
      if (slot < 0 && !name.equals("cpu0Id")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: cbitpos, reducedPhysBits,"
            + " maxGuests, maxESGuests, cpu0Id)");
        continue;
      }
      if (!seen.add(name)) {
        throw c.error("element appears twice");
      }
      any = true;
      c.allowAttributes();
      if (slot >= 0) {
        numbers[slot] = Scalars.unsignedInt(c, null, c.text());
      } else if (name.equals("cpu0Id")) {
        cpu0Id = c.text(true);
      } else {
        c.keepUnknownElement("element <" + c.name() + "> (known: cbitpos, reducedPhysBits,"
            + " maxGuests, maxESGuests, cpu0Id)");
      }
    }
    if (supported == Supported.ABSENT && !any) {
      throw c.errorAt(c.leftPath() + "@supported", "missing attribute");
    }
    return new Sev(Supported.YES, opt(numbers[0]), opt(numbers[1]), opt(numbers[2]),
        opt(numbers[3]), Optional.ofNullable(cpu0Id));
  }

  private static OptionalInt opt(int n) {
    return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
  }

  static Sgx sgx(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    if (Scalars.supported(c) == Supported.NO) {
      EnumReader.endUnsupported(c);
      return Sgx.unsupported();
    }
    Boolean[] flags = new Boolean[3];
    Long sectionSize = null;
    List<SgxSection> sections = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (c.nextChild()) {
      String name = c.name();
      if (!SGX_CHILDREN.contains(name)) {
        c.keepUnknownElement("element <" + name + "> (known: " + String.join(", ", SGX_CHILDREN)
            + ")");
        continue;
      }
      if (!seen.add(name)) {
        throw c.error("element appears twice");
      }
      int flag = List.of("flc", "sgx1", "sgx2").indexOf(name);
      if (flag >= 0) {
        c.allowAttributes();
        flags[flag] = Scalars.yesNo(c, c.text());
      } else if (name.equals("section_size")) {
        c.allowAttributes("unit");
        kib(c);
        sectionSize = Scalars.unsignedLong(c, null, c.text());
      } else if (name.equals("sections")) {
        c.allowAttributes();
        sections(c, sections);
      } else {
        throw new IllegalStateException("unhandled sgx element " + name);
      }
    }
    for (String required : List.of("flc", "sgx1", "sgx2", "section_size")) {
      if (!seen.contains(required)) {
        throw c.errorAt(c.leftPath(), "<sgx supported='yes'> lacks <" + required + ">");
      }
    }
    return Sgx.supported(flags[0], flags[1], flags[2], sectionSize, sections);
  }

  private static void sections(XmlCursor c, List<SgxSection> sections)
      throws DomainCapabilitiesParseException, XMLStreamException {
    while (c.nextChild()) {
      if (!c.name().equals("section")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: section)");
        continue;
      }
      c.allowAttributes("node", "size", "unit");
      int node = Scalars.unsignedInt(c, "node", c.attribute("node"));
      long size = Scalars.unsignedLong(c, "size", c.attribute("size"));
      kib(c);
      sections.add(new SgxSection(node, size));
      c.end();
    }
  }

  private static void kib(XmlCursor c) throws DomainCapabilitiesParseException {
    String unit = c.attribute("unit");
    if (!unit.equals("KiB")) {
      throw c.attributeError("unit", "expected 'KiB' but was " + XmlCursor.quote(unit));
    }
  }
}

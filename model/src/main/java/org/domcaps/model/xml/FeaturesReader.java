// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Features;
import org.domcaps.model.HypervDefaults;
import org.domcaps.model.Supported;

/** Reads {@code <features>}: libvirt's features in its order; another is kept as unknown. */
final class FeaturesReader {
  private FeaturesReader() {}

  static Features features(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Features.Builder b = Features.builder();
    ChildOrder order = new ChildOrder(Features.NAMES, "feature");
    while (c.nextChild()) {
      String name = c.name();
      if (!order.accept(c, name, null)) {
        c.keepUnknownElement("feature <" + name + "> (known: " + String.join(", ", Features.NAMES)
            + ")");
        continue;
      }
      switch (name) {
        case "gic":
          b.gic(EnumReader.capability(c));
          break;
        case "sev":
          b.sev(SecurityFeaturesReader.sev(c));
          break;
        case "sgx":
          b.sgx(SecurityFeaturesReader.sgx(c));
          break;
        case "hyperv":
          hyperv(c, b);
          break;
        case "launchSecurity":
          b.launchSecurity(EnumReader.capability(c));
          break;
        default:
          b.flag(name, DomainCapsReader.simpleFlag(c));
      }
    }
    return b.build();
  }

  /** {@code <hyperv>}: supported, the features enum, and (11.9 and later) {@code <defaults>}. */
  private static void hyperv(XmlCursor c, Features.Builder b)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    Supported supported = Scalars.supported(c);
    if (supported == Supported.NO) {
      EnumReader.endUnsupported(c);
      b.hyperv(Capability.unsupported());
      return;
    }
    List<CapsEnum> enums = new ArrayList<>();
    HypervDefaults defaults = null;
    while (c.nextChild()) {
      if (c.name().equals("enum")) {
        enums.add(EnumReader.capsEnum(c, EnumOrder.allowed("hyperv"), enums));
      } else if (c.name().equals("defaults") && defaults == null) {
        defaults = defaults(c);
      } else {
        c.keepUnknownElement("element <" + c.name() + "> (known: enum, defaults)");
      }
    }
    b.hyperv(Capability.supported(enums)).hypervDefaults(defaults);
  }

  private static HypervDefaults defaults(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Map<String, String> values = new LinkedHashMap<>();
    ChildOrder order = new ChildOrder(HypervDefaults.NAMES, "hyperv default");
    while (c.nextChild()) {
      String name = c.name();
      if (!order.accept(c, name, null)) {
        c.keepUnknownElement("hyperv default <" + name + ">");
        continue;
      }
      c.allowAttributes();
      String v = c.text(true);
      if (name.equals("spinlocks")) {
        Scalars.unsignedInt(c, null, v);
      } else if (!name.equals("vendor_id") && !v.equals("on") && !v.equals("off")) {
        throw c.textError("expected 'on' or 'off' but was " + XmlCursor.quote(v));
      }
      values.put(name, v);
    }
    return HypervDefaults.of(values);
  }
}

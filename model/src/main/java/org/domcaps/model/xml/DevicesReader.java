// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Devices;

/**
 * Reads {@code <devices>}: the devices libvirt 9.0.0 to 12.8 prints ({@link Devices#NAMES});
 * another is kept as unknown content.
 */
final class DevicesReader {
  private static final List<String> DEVICES = Devices.NAMES;
  private static final String EXPECTED =
      String.join(", ", DEVICES.subList(0, DEVICES.size() - 1)) + " or "
          + DEVICES.get(DEVICES.size() - 1);

  private DevicesReader() {}

  static Devices devices(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Devices.Builder b = Devices.builder();
    ChildOrder order = new ChildOrder(DEVICES, "device");
    while (c.nextChild()) {
      String name = c.name();
      if (!order.accept(c, name, null)) {
        c.keepUnknownElement("device <" + name + "> (known: " + EXPECTED + ")");
        continue;
      }
      b.device(name, EnumReader.capability(c));
    }
    return b.build();
  }
}

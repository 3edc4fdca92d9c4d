// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Capability;
import org.domcaps.model.Devices;

/** Reads {@code <devices>}: the nine devices libvirt 9.0.0 prints. */
final class DevicesReader {
  private static final List<String> DEVICES = List.of("disk", "graphics", "video", "hostdev",
      "rng", "filesystem", "tpm", "redirdev", "channel");

  private DevicesReader() {}

  static Devices devices(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Devices.Builder b = Devices.builder();
    ChildOrder order = new ChildOrder(DEVICES, "device");
    while (c.nextChild()) {
      String name = c.name();
      if (!order.accept(c, name, null)) {
        throw c.error("unknown device <" + name + "> (expected disk, graphics, video, hostdev,"
            + " rng, filesystem, tpm, redirdev or channel)");
      }
      Capability cap = EnumReader.capability(c);
      switch (name) {
        case "disk":
          b.disk(cap);
          break;
        case "graphics":
          b.graphics(cap);
          break;
        case "video":
          b.video(cap);
          break;
        case "hostdev":
          b.hostdev(cap);
          break;
        case "rng":
          b.rng(cap);
          break;
        case "filesystem":
          b.filesystem(cap);
          break;
        case "tpm":
          b.tpm(cap);
          break;
        case "redirdev":
          b.redirdev(cap);
          break;
        default:
          b.channel(cap);
      }
    }
    return b.build();
  }
}

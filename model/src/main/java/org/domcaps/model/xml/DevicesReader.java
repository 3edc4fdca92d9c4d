// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.Capability;
import org.domcaps.model.Devices;

/** Reads {@code <devices>}: the nine devices libvirt 9.0.0 prints. */
final class DevicesReader {
  private DevicesReader() {}

  static Devices devices(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Devices.Builder b = Devices.builder();
    Set<String> seen = new HashSet<>();
    while (c.nextChild()) {
      String name = c.name();
      if (!EnumOrder.BY_ELEMENT.containsKey(name) || !isDevice(name)) {
        throw c.error("unknown device <" + name + "> (expected disk, graphics, video, hostdev,"
            + " rng, filesystem, tpm, redirdev or channel)");
      }
      if (!seen.add(name)) {
        throw c.error("element appears twice");
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

  private static boolean isDevice(String name) {
    switch (name) {
      case "disk":
      case "graphics":
      case "video":
      case "hostdev":
      case "rng":
      case "filesystem":
      case "tpm":
      case "redirdev":
      case "channel":
        return true;
      default:
        return false;
    }
  }
}

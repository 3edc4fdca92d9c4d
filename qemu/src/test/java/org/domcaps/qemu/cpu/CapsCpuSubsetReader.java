// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.caps.HostCpuExpansion;
import org.domcaps.qemu.caps.HostCpuProperty;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * Reads the CPU-relevant part of a libvirt capabilities-cache file (flags, arch, hostCPU, cpu)
 * into QemuCaps, for the golden tests; the full reader is QemuCapsXml on the probe branch.
 */
final class CapsCpuSubsetReader {
  private CapsCpuSubsetReader() {}

  static QemuCaps read(Path file) throws IOException, XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    QemuCaps.Builder b = QemuCaps.builder().emulator(file.toString());
    Map<Accel, HostCpuExpansion> hosts = new EnumMap<>(Accel.class);
    Map<Accel, List<CpuDefinition>> defs = new EnumMap<>(Accel.class);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      int depth = 0;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          continue;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        depth++;
        if (depth != 2) {
          continue;
        }
        switch (r.getLocalName()) {
          case "flag" -> b.flag(r.getAttributeValue(null, "name"));
          case "arch" -> {
            b.arch(r.getElementText().strip());
            depth--;
          }
          case "hostCPU" -> {
            Accel a = Accel.fromXmlName(r.getAttributeValue(null, "type"));
            String model = r.getAttributeValue(null, "model");
            boolean mig = "yes".equals(r.getAttributeValue(null, "migratability"));
            List<HostCpuProperty> props = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              String m = r.getAttributeValue(null, "migratable");
              props.add(new HostCpuProperty(
                  r.getAttributeValue(null, "name"),
                  HostCpuProperty.Type.fromXmlName(r.getAttributeValue(null, "type")),
                  r.getAttributeValue(null, "value"),
                  m == null ? null : m.equals("yes")));
              skipToEnd(r);
            }
            depth--;
            hosts.put(a, new HostCpuExpansion(model, mig, props));
          }
          case "cpu" -> {
            Accel a = Accel.fromXmlName(r.getAttributeValue(null, "type"));
            String u = r.getAttributeValue(null, "usable");
            CpuDefinition.Usable usable = u == null ? CpuDefinition.Usable.UNKNOWN
                : CpuDefinition.Usable.valueOf(u.toUpperCase(java.util.Locale.ROOT));
            String name = r.getAttributeValue(null, "name");
            String type = r.getAttributeValue(null, "typename");
            boolean dep = "yes".equals(r.getAttributeValue(null, "deprecated"));
            List<String> blockers = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
              blockers.add(r.getAttributeValue(null, "name"));
              skipToEnd(r);
            }
            depth--;
            defs.computeIfAbsent(a, k -> new ArrayList<>())
                .add(new CpuDefinition(name, type, usable, blockers, dep));
          }
          default -> { }
        }
      }
    }
    for (Accel a : Accel.values()) {
      if (hosts.containsKey(a) || defs.containsKey(a)) {
        b.accel(a, new AccelCaps(Optional.ofNullable(hosts.get(a)), defs.getOrDefault(a, List.of()), List.of()));
      }
    }
    return b.build();
  }

  private static void skipToEnd(XMLStreamReader r) throws XMLStreamException {
    int d = 1;
    while (d > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        d++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        d--;
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.domcaps.qemu.caps.CpuDefinition;
import org.domcaps.qemu.cpu.CpuCapabilities.CustomMode;
import org.domcaps.qemu.cpu.CpuCapabilities.CustomModel;
import org.domcaps.qemu.cpu.CpuCapabilities.HostModelMode;
import org.domcaps.qemu.cpu.CpuCapabilities.HostPassthroughMode;
import org.domcaps.qemu.cpu.CpuCapabilities.MaximumMode;
import org.domcaps.qemu.cpu.CpuCapabilities.Toggle;

/** Parses the {@code <cpu>} element (and {@code <machine>}) of a domain-capabilities document. */
final class GoldenCpuReader {
  record Golden(String machine, CpuCapabilities cpu, String cpuText) {}

  private GoldenCpuReader() {}

  static Golden read(Path file) throws IOException, XMLStreamException {
    String text = Files.readString(file);
    int start = text.indexOf("  <cpu>\n");
    int end = text.indexOf("  </cpu>\n", start) + "  </cpu>\n".length();
    String cpuText = text.substring(start, end);
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    String machine = null;
    HostPassthroughMode hp = null;
    MaximumMode max = null;
    HostModelMode hm = null;
    CustomMode custom = null;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      int depth = 0;
      boolean inCpu = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 1) {
            inCpu = false;
          }
          continue;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        depth++;
        if (depth == 2 && r.getLocalName().equals("machine")) {
          machine = r.getElementText();
          depth--;
        } else if (depth == 2 && r.getLocalName().equals("cpu")) {
          inCpu = true;
        } else if (inCpu && depth == 3 && r.getLocalName().equals("mode")) {
          String name = r.getAttributeValue(null, "name");
          boolean supported = "yes".equals(r.getAttributeValue(null, "supported"));
          ModeContent c = modeContent(r);
          depth--;
          switch (name) {
            case "host-passthrough" -> hp = new HostPassthroughMode(supported, c.toggles);
            case "maximum" -> max = new MaximumMode(supported, c.toggles);
            case "host-model" -> hm =
                    new HostModelMode(supported ? Optional.of(c.hostModel()) : Optional.empty());
            case "custom" -> custom = new CustomMode(c.custom);
            default -> throw new IllegalStateException(file + ": unknown CPU mode " + name);
          }
        }
      }
    }
    return new Golden(machine, new CpuCapabilities(hp, max, hm, custom), cpuText);
  }

  private static final class ModeContent {
    final List<Toggle> toggles = new ArrayList<>();
    final List<CustomModel> custom = new ArrayList<>();
    final List<HostModel.Feature> features = new ArrayList<>();
    String model;
    HostModel.Fallback fallback;
    Optional<String> vendor = Optional.empty();

    HostModel hostModel() {
      return new HostModel(model, fallback, vendor, features);
    }
  }

  /** Reads the children of a mode element up to its end tag. */
  private static ModeContent modeContent(XMLStreamReader r) throws XMLStreamException {
    ModeContent c = new ModeContent();
    int d = 1;
    while (d > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        d--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "enum" -> d++;
        case "value" -> c.toggles.add(Toggle.valueOf(r.getElementText().toUpperCase(Locale.ROOT)));
        case "vendor" -> c.vendor = Optional.of(r.getElementText());
        case "feature" -> {
          c.features.add(new HostModel.Feature(
              HostModel.Policy.fromXmlName(r.getAttributeValue(null, "policy")),
              r.getAttributeValue(null, "name")));
          d++;
        }
        case "model" -> {
          String fallback = r.getAttributeValue(null, "fallback");
          if (fallback != null) {
            c.fallback = HostModel.Fallback.valueOf(fallback.toUpperCase(Locale.ROOT));
            c.model = r.getElementText();
          } else {
            String usable = r.getAttributeValue(null, "usable");
            boolean dep = "yes".equals(r.getAttributeValue(null, "deprecated"));
            String vendor = r.getAttributeValue(null, "vendor");
            c.custom.add(new CustomModel(r.getElementText(),
                CpuDefinition.Usable.valueOf(usable.toUpperCase(Locale.ROOT)), dep, vendor));
          }
        }
        default ->
            throw new IllegalStateException("unexpected element <" + r.getLocalName()
                + "> in a CPU mode");
      }
    }
    return c;
  }
}

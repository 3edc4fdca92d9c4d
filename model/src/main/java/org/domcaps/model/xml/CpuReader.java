// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.domcaps.model.xml.XmlCursor.quote;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuModel;
import org.domcaps.model.HostModel;
import org.domcaps.model.MaxPhysAddr;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;

/** Reads {@code <cpu>}: the four modes libvirt always prints, each exactly once. */
final class CpuReader {
  private static final List<String> MODES =
      List.of("host-passthrough", "maximum", "host-model", "custom");

  private CpuReader() {}

  static Cpu cpu(XmlCursor c) throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    Cpu.Builder b = Cpu.builder();
    ChildOrder order = new ChildOrder(MODES, "CPU mode");
    List<String> seen = new ArrayList<>();
    while (c.nextChild()) {
      if (!c.name().equals("mode")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: mode)");
        continue;
      }
      String mode = c.peekAttribute("name");
      if (mode != null && !MODES.contains(mode)) {
        c.keepUnknownElement("CPU mode " + quote(mode) + " (known: " + String.join(", ", MODES)
            + ")");
        continue;
      }
      c.allowAttributes("name", "supported");
      mode = c.attribute("name");
      order.accept(c, mode, "name");
      seen.add(mode);
      boolean supported = Scalars.supported(c) == Supported.YES;
      switch (mode) {
        case "host-passthrough":
          b.hostPassthrough(migratable(c, supported, "hostPassthroughMigratable"));
          break;
        case "maximum":
          b.maximum(migratable(c, supported, "maximumMigratable"));
          break;
        case "host-model":
          b.hostModel(supported ? hostModel(c) : unsupportedMode(c));
          break;
        default:
          b.customModels(supported ? custom(c) : unsupportedModels(c));
      }
    }
    for (String mode : MODES) {
      if (!seen.contains(mode)) {
        throw c.errorAt(c.leftPath(), "missing <mode name='" + mode
            + "'> (libvirt prints all four modes)");
      }
    }
    return b.build();
  }

  private static HostModel unsupportedMode(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    EnumReader.endUnsupported(c);
    return null;
  }

  private static List<CpuModel> unsupportedModels(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    EnumReader.endUnsupported(c);
    return List.of();
  }

  private static MigratableMode migratable(XmlCursor c, boolean supported, String enumName)
      throws DomainCapabilitiesParseException, XMLStreamException {
    if (!supported) {
      EnumReader.endUnsupported(c);
      return MigratableMode.no();
    }
    List<CapsEnum> enums = new ArrayList<>();
    while (c.nextChild()) {
      if (!c.name().equals("enum")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: enum)");
        continue;
      }
      enums.add(EnumReader.capsEnum(c, List.of(enumName), enums));
    }
    return new MigratableMode(true, enums.stream().findFirst().map(CapsEnum::values));
  }

  private static HostModel hostModel(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    HostModel.Builder b = null;
    boolean vendorSeen = false;
    boolean maxPhysAddrSeen = false;
    while (c.nextChild()) {
      switch (c.name()) {
        case "model":
          if (b != null) {
            throw c.error("element appears twice");
          }
          c.allowAttributes("fallback", "vendor_id");
          String fallback = c.attribute("fallback");
          if (!fallback.equals("allow") && !fallback.equals("forbid")) {
            throw c.attributeError("fallback",
                "expected 'allow' or 'forbid' but was " + quote(fallback));
          }
          String vendorId = c.optionalAttribute("vendor_id");
          b = HostModel.builder(c.text(true)).fallback(fallback).vendorId(vendorId);
          break;
        case "vendor":
          if (b == null || vendorSeen) {
            throw c.error(b == null ? "<vendor> must follow <model>" : "element appears twice");
          }
          c.allowAttributes();
          b.vendor(c.text(true));
          vendorSeen = true;
          break;
        case "maxphysaddr":
          if (b == null || maxPhysAddrSeen) {
            throw c.error(b == null ? "<maxphysaddr> must follow <model>"
                : "element appears twice");
          }
          b.maxPhysAddr(maxPhysAddr(c));
          maxPhysAddrSeen = true;
          break;
        case "feature":
          if (b == null) {
            throw c.error("<feature> must follow <model>");
          }
          c.allowAttributes("policy", "name");
          b.feature(c.attribute("policy"), c.attribute("name"));
          c.end();
          break;
        default:
          c.keepUnknownElement("element <" + c.name() + "> (known: model, vendor, maxphysaddr,"
              + " feature)");
      }
    }
    if (b == null) {
      throw c.errorAt(c.leftPath(), "host-model with supported='yes' lacks its <model>");
    }
    return b.build();
  }

  private static MaxPhysAddr maxPhysAddr(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("mode", "bits", "limit");
    MaxPhysAddr m = MaxPhysAddr.of(c.attribute("mode"));
    String bits = c.optionalAttribute("bits");
    if (bits != null) {
      m = m.withBits(Scalars.unsignedInt(c, "bits", bits));
    }
    String limit = c.optionalAttribute("limit");
    if (limit != null) {
      m = m.withLimit(Scalars.unsignedInt(c, "limit", limit));
    }
    c.end();
    return m;
  }

  private static List<CpuModel> custom(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    List<CpuModel> models = new ArrayList<>();
    while (c.nextChild()) {
      if (c.name().equals("blockers") && !models.isEmpty()
          && models.get(models.size() - 1).blockers().isEmpty()
          && models.get(models.size() - 1).name().equals(c.peekAttribute("model"))) {
        int last = models.size() - 1;
        models.set(last, models.get(last).withBlockers(blockers(c)));
        continue;
      }
      if (!c.name().equals("model")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: model, and blockers naming the"
            + " model before it)");
        continue;
      }
      c.allowAttributes("usable", "deprecated", "canonical", "vendor");
      String usableText = c.attribute("usable");
      Usable usable = Usable.fromXml(usableText);
      if (usable == null) {
        throw c.attributeError("usable",
            "expected 'yes', 'no' or 'unknown' but was " + quote(usableText));
      }
      boolean deprecated = false;
      String dep = c.optionalAttribute("deprecated");
      if (dep != null) {
        if (!dep.equals("yes") && !dep.equals("no")) {
          throw c.attributeError("deprecated", "expected 'yes' or 'no' but was " + quote(dep));
        }
        deprecated = dep.equals("yes");
      }
      String vendor = c.optionalAttribute("vendor");
      String canonical = c.optionalAttribute("canonical");
      CpuModel m = new CpuModel(c.text(true), usable, deprecated, vendor);
      models.add(canonical == null ? m : m.withCanonical(canonical));
    }
    if (models.isEmpty()) {
      // libvirt prints supported='no' for an empty model list; 'yes' here would not round-trip.
      throw c.errorAt(c.leftPath(), "custom mode with supported='yes' lists no <model>");
    }
    return models;
  }

  /** {@code <blockers model='..'>}: the features that keep the model before it unusable. */
  private static List<String> blockers(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("model");
    List<String> features = new ArrayList<>();
    while (c.nextChild()) {
      if (!c.name().equals("feature")) {
        c.keepUnknownElement("element <" + c.name() + "> (known: feature)");
        continue;
      }
      c.allowAttributes("name");
      features.add(c.attribute("name"));
      c.end();
    }
    if (features.isEmpty()) {
      throw c.errorAt(c.leftPath(), "<blockers> lists no <feature>");
    }
    return features;
  }
}

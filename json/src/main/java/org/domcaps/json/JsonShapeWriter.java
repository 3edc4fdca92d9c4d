// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.Loader;
import org.domcaps.model.MaxPhysAddr;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;
import org.domcaps.model.UnknownContent;
import org.domcaps.model.UnknownPart;
import org.domcaps.model.XmlNode;

/**
 * Streams the model as its JSON form, fields in document order. An element that is not reported
 * is left out, as in the XML; a reported one is an object whose first field is {@code supported}.
 */
final class JsonShapeWriter {
  private final JsonGenerator g;

  JsonShapeWriter(JsonGenerator g) {
    this.g = g;
  }

  void write(DomainCapabilities caps) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", caps.path());
    g.writeStringField("domain", caps.domain());
    if (caps.machine().isPresent()) {
      g.writeStringField("machine", caps.machine().get());
    }
    g.writeStringField("arch", caps.arch());
    if (caps.vcpuMax().isPresent()) {
      g.writeObjectFieldStart("vcpu");
      g.writeNumberField("max", caps.vcpuMax().getAsInt());
      g.writeEndObject();
    }
    simple("iothreads", caps.iothreads());
    os(caps.os());
    if (caps.cpu().isPresent()) {
      cpu(caps.cpu().get());
    }
    capability("memoryBacking", caps.memoryBacking());
    devices(caps.devices());
    features(caps.features());
    if (!caps.unknown().isEmpty()) {
      unknown(caps.unknown());
    }
    g.writeEndObject();
  }

  /** {@code "unknown"}: what the model does not know, each part with its XML place. */
  private void unknown(UnknownContent unknown) throws IOException {
    g.writeArrayFieldStart("unknown");
    for (UnknownPart p : unknown.parts()) {
      g.writeStartObject();
      g.writeStringField("in", p.owner());
      g.writeStringField("after", p.after());
      if (p.isAttribute()) {
        g.writeObjectFieldStart("attribute");
        g.writeStringField("name", p.attributeName());
        g.writeStringField("value", p.attributeValue());
        g.writeEndObject();
      } else {
        g.writeFieldName("element");
        node(p.element());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void node(XmlNode n) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", n.name());
    if (!n.attributes().isEmpty()) {
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> a : n.attributes()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
    }
    if (!n.text().isEmpty()) {
      g.writeStringField("text", n.text());
    }
    if (!n.children().isEmpty()) {
      g.writeArrayFieldStart("children");
      for (XmlNode c : n.children()) {
        node(c);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Opens the element's object and writes {@code supported}; false when it is not reported. */
  private boolean prologue(String name, Supported supported) throws IOException {
    if (!supported.isReported()) {
      return false;
    }
    g.writeObjectFieldStart(name);
    g.writeStringField("supported", supported.xmlValue());
    return true;
  }

  private void simple(String name, Supported supported) throws IOException {
    if (prologue(name, supported)) {
      g.writeEndObject();
    }
  }

  private void enums(String element, List<CapsEnum> enums) throws IOException {
    g.writeObjectFieldStart("enums");
    for (CapsEnum e : EnumOrder.sorted(element, enums)) {
      strings(e.name(), e.values());
    }
    g.writeEndObject();
  }

  private void strings(String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void capability(String name, Capability c) throws IOException {
    if (prologue(name, c.supported())) {
      if (c.supported() == Supported.YES) {
        enums(name, c.enums());
      }
      g.writeEndObject();
    }
  }

  private void os(Os os) throws IOException {
    if (!prologue("os", os.supported())) {
      return;
    }
    if (os.supported() == Supported.YES) {
      enums("os", os.enums());
      capability("firmwareFeatures", os.firmwareFeatures());
      Loader loader = os.loader();
      if (prologue("loader", loader.supported())) {
        if (loader.supported() == Supported.YES) {
          strings("values", loader.values());
          enums("loader", loader.enums());
        }
        g.writeEndObject();
      }
      simple("varstore", os.varstore());
    }
    g.writeEndObject();
  }

  private void cpu(Cpu cpu) throws IOException {
    g.writeObjectFieldStart("cpu");
    g.writeObjectFieldStart("modes");
    migratableMode("host-passthrough", "hostPassthroughMigratable", cpu.hostPassthrough());
    migratableMode("maximum", "maximumMigratable", cpu.maximum());
    g.writeObjectFieldStart("host-model");
    g.writeStringField("supported", cpu.hostModelSupported() ? "yes" : "no");
    if (cpu.hostModel().isPresent()) {
      hostModel(cpu.hostModel().get());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("custom");
    g.writeStringField("supported", cpu.customSupported() ? "yes" : "no");
    if (cpu.customSupported()) {
      g.writeArrayFieldStart("models");
      for (CpuModel m : cpu.custom()) {
        customModel(m);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private void migratableMode(String mode, String enumName, MigratableMode m)
      throws IOException {
    g.writeObjectFieldStart(mode);
    g.writeStringField("supported", m.supported() ? "yes" : "no");
    if (m.migratable().isPresent()) {
      g.writeObjectFieldStart("enums");
      strings(enumName, m.migratable().get());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void hostModel(HostModel h) throws IOException {
    g.writeObjectFieldStart("model");
    g.writeStringField("name", h.model());
    g.writeStringField("fallback", h.fallback());
    if (h.vendorId().isPresent()) {
      g.writeStringField("vendor_id", h.vendorId().get());
    }
    g.writeEndObject();
    if (h.vendor().isPresent()) {
      g.writeStringField("vendor", h.vendor().get());
    }
    if (h.maxPhysAddr().isPresent()) {
      MaxPhysAddr m = h.maxPhysAddr().get();
      g.writeObjectFieldStart("maxphysaddr");
      g.writeStringField("mode", m.mode());
      if (m.bits().isPresent()) {
        g.writeNumberField("bits", m.bits().getAsInt());
      }
      if (m.limit().isPresent()) {
        g.writeNumberField("limit", m.limit().getAsInt());
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("features");
    for (CpuFeature f : h.features()) {
      g.writeStartObject();
      g.writeStringField("name", f.name());
      g.writeStringField("policy", f.policy());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void customModel(CpuModel m) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", m.name());
    g.writeStringField("usable", m.usable().xmlValue());
    if (m.deprecated()) {
      g.writeStringField("deprecated", "yes");
    }
    g.writeStringField("vendor", m.vendor());
    if (m.canonical().isPresent()) {
      g.writeStringField("canonical", m.canonical().get());
    }
    if (!m.blockers().isEmpty()) {
      strings("blockers", m.blockers());
    }
    g.writeEndObject();
  }

  private void devices(Devices d) throws IOException {
    // Always present, like <devices>: an empty object when no device is reported.
    g.writeObjectFieldStart("devices");
    List<Capability> all = d.inOrder();
    for (int i = 0; i < all.size(); i++) {
      capability(Devices.NAMES.get(i), all.get(i));
    }
    g.writeEndObject();
  }

  private void features(Features f) throws IOException {
    if (!f.anyReported()) {
      return;
    }
    g.writeObjectFieldStart("features");
    for (String name : Features.NAMES) {
      switch (name) {
        case "gic":
        case "launchSecurity":
          capability(name, name.equals("gic") ? f.gic() : f.launchSecurity());
          break;
        case "sev":
          sev(f.sev());
          break;
        case "sgx":
          sgx(f.sgx());
          break;
        case "hyperv":
          hyperv(f);
          break;
        default:
          simple(name, f.flag(name));
      }
    }
    g.writeEndObject();
  }

  private void hyperv(Features f) throws IOException {
    Capability c = f.hyperv();
    if (prologue("hyperv", c.supported())) {
      if (c.supported() == Supported.YES) {
        enums("hyperv", c.enums());
        if (f.hypervDefaults().isPresent()) {
          g.writeObjectFieldStart("defaults");
          for (Map.Entry<String, String> e : f.hypervDefaults().get().entries().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        }
      }
      g.writeEndObject();
    }
  }

  private void sev(Sev sev) throws IOException {
    if (!prologue("sev", sev.supported())) {
      return;
    }
    if (sev.cbitpos().isPresent()) {
      g.writeNumberField("cbitpos", sev.cbitpos().getAsInt());
    }
    if (sev.reducedPhysBits().isPresent()) {
      g.writeNumberField("reducedPhysBits", sev.reducedPhysBits().getAsInt());
    }
    if (sev.maxGuests().isPresent()) {
      g.writeNumberField("maxGuests", sev.maxGuests().getAsInt());
    }
    if (sev.maxESGuests().isPresent()) {
      g.writeNumberField("maxESGuests", sev.maxESGuests().getAsInt());
    }
    if (sev.cpu0Id().isPresent()) {
      g.writeStringField("cpu0Id", sev.cpu0Id().get());
    }
    g.writeEndObject();
  }

  private void sgx(Sgx sgx) throws IOException {
    if (!prologue("sgx", sgx.supported())) {
      return;
    }
    if (sgx.supported() == Supported.YES) {
      g.writeStringField("flc", sgx.flc() ? "yes" : "no");
      g.writeStringField("sgx1", sgx.sgx1() ? "yes" : "no");
      g.writeStringField("sgx2", sgx.sgx2() ? "yes" : "no");
      g.writeFieldName("section_size");
      // Unsigned 64-bit KiB: written as the exact decimal so values above 2^63 stay numbers.
      g.writeNumber(Long.toUnsignedString(sgx.sectionSizeKiB()));
      if (!sgx.sections().isEmpty()) {
        g.writeArrayFieldStart("sections");
        for (SgxSection s : sgx.sections()) {
          g.writeStartObject();
          g.writeNumberField("node", s.node());
          g.writeFieldName("size");
          g.writeNumber(Long.toUnsignedString(s.sizeKiB()));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
  }
}

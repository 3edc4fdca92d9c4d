// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Features;
import org.domcaps.model.HypervDefaults;
import org.domcaps.model.Loader;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;

/**
 * Maps the JSON tree onto the model, field by field. Field order is free; unknown fields, wrong
 * types and values the XML form could not carry are refused with the jq path of the value.
 */
final class JsonShapeReader {
  private JsonShapeReader() {}

  static DomainCapabilities read(JsonNode root) throws DomainCapabilitiesJsonException {
    return read(JsonFields.root(root));
  }

  /** Reads the root object {@code f}; what is kept but unknown lands in {@code f.warnings()}. */
  static DomainCapabilities read(JsonFields f) throws DomainCapabilitiesJsonException {
    DomainCapabilities.Builder b = DomainCapabilities.builder()
        .path(f.string("path"))
        .domain(f.string("domain"))
        .machine(f.optString("machine").orElse(null))
        .arch(f.string("arch"));
    Optional<JsonFields> vcpu = f.optObject("vcpu");
    if (vcpu.isPresent()) {
      int max = vcpu.get().integer("max");
      if (max <= 0) {
        throw vcpu.get().error("max", "expected a positive integer, found " + max);
      }
      vcpu.get().end();
      b.vcpuMax(max);
    }
    b.iothreads(simple(f, "iothreads"));
    Optional<JsonFields> os = f.optObject("os");
    if (os.isPresent()) {
      b.os(os(os.get()));
    }
    Optional<JsonFields> cpu = f.optObject("cpu");
    if (cpu.isPresent()) {
      b.cpu(CpuJsonReader.cpu(cpu.get()));
    }
    b.memoryBacking(capability(f, "memoryBacking"));
    Optional<JsonFields> devices = f.optObject("devices");
    if (devices.isPresent()) {
      b.devices(devices(devices.get()));
    }
    Optional<JsonFields> features = f.optObject("features");
    if (features.isPresent()) {
      b.features(features(features.get()));
    }
    b.unknown(UnknownJsonReader.unknown(f));
    f.end();
    return b.build();
  }

  /** {@code {"supported": ..}} alone; ABSENT when the field is missing. */
  private static Supported simple(JsonFields parent, String key)
      throws DomainCapabilitiesJsonException {
    Optional<JsonFields> o = parent.optObject(key);
    if (o.isEmpty()) {
      return Supported.ABSENT;
    }
    Supported s = o.get().supported();
    o.get().end();
    return s;
  }

  /** {@code enums}: names libvirt prints in {@code element}, each a list of distinct strings. */
  static List<CapsEnum> enums(JsonFields owner, String element)
      throws DomainCapabilitiesJsonException {
    Optional<JsonFields> o = owner.optObject("enums");
    if (o.isEmpty()) {
      return List.of();
    }
    List<CapsEnum> out = new ArrayList<>();
    JsonFields enums = o.get();
    // Document order, as the XML reader keeps it; a name no libvirt up to 12.8 prints is kept.
    for (String name : enums.fieldNames()) {
      JsonFields.xmlText(enums.path(name), name);
      if (!EnumOrder.known(element, name)) {
        enums.warn(name, "unknown enum " + JsonFields.quote(name) + " kept (known: "
            + String.join(", ", EnumOrder.allowed(element)) + ")");
      }
      out.add(new CapsEnum(name, enums.strings(name)));
    }
    enums.end();
    return out;
  }

  static Capability capability(JsonFields parent, String key)
      throws DomainCapabilitiesJsonException {
    Optional<JsonFields> o = parent.optObject(key);
    if (o.isEmpty()) {
      return Capability.absent();
    }
    JsonFields f = o.get();
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      return Capability.unsupported();
    }
    List<CapsEnum> enums = enums(f, key);
    f.end();
    return Capability.supported(enums);
  }

  private static Os os(JsonFields f) throws DomainCapabilitiesJsonException {
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      return Os.unsupported();
    }
    Os.Builder b = Os.builder().enums(enums(f, "os"))
        .firmwareFeatures(capability(f, "firmwareFeatures"));
    Optional<JsonFields> l = f.optObject("loader");
    if (l.isPresent()) {
      b.loader(loader(l.get()));
    }
    b.varstore(simple(f, "varstore"));
    f.end();
    return b.build();
  }

  private static Loader loader(JsonFields f) throws DomainCapabilitiesJsonException {
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      return Loader.unsupported();
    }
    // Firmware paths may repeat in principle, so they are read as a plain list.
    List<String> values = new ArrayList<>();
    List<JsonNode> items = f.optArray("values");
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isTextual()) {
        throw new DomainCapabilitiesJsonException(f.path("values") + "[" + i + "]",
            "expected a string (a firmware path), found " + JsonFields.describe(items.get(i)));
      }
      values.add(JsonFields.xmlText(f.path("values") + "[" + i + "]", items.get(i).textValue()));
    }
    List<CapsEnum> enums = enums(f, "loader");
    f.end();
    return new Loader(Supported.YES, values, enums);
  }

  private static Devices devices(JsonFields f) throws DomainCapabilitiesJsonException {
    Devices.Builder b = Devices.builder();
    for (String name : Devices.NAMES) {
      b.device(name, capability(f, name));
    }
    f.end();
    return b.build();
  }

  private static Features features(JsonFields f) throws DomainCapabilitiesJsonException {
    Features.Builder b = Features.builder().gic(capability(f, "gic"));
    for (String flag : Features.FLAGS) {
      b.flag(flag, simple(f, flag));
    }
    Optional<JsonFields> sev = f.optObject("sev");
    if (sev.isPresent()) {
      b.sev(sev(sev.get()));
    }
    Optional<JsonFields> sgx = f.optObject("sgx");
    if (sgx.isPresent()) {
      b.sgx(sgx(sgx.get()));
    }
    Optional<JsonFields> hyperv = f.optObject("hyperv");
    if (hyperv.isPresent()) {
      hyperv(hyperv.get(), b);
    }
    b.launchSecurity(capability(f, "launchSecurity"));
    f.end();
    return b.build();
  }

  private static void hyperv(JsonFields f, Features.Builder b)
      throws DomainCapabilitiesJsonException {
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      b.hyperv(Capability.unsupported());
      return;
    }
    b.hyperv(Capability.supported(enums(f, "hyperv")));
    Optional<JsonFields> defaults = f.optObject("defaults");
    if (defaults.isPresent()) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String name : HypervDefaults.NAMES) {
        defaults.get().optString(name).ifPresent(v -> values.put(name, v));
      }
      defaults.get().end();
      b.hypervDefaults(HypervDefaults.of(values));
    }
    f.end();
  }

  private static Sev sev(JsonFields f) throws DomainCapabilitiesJsonException {
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      return Sev.unsupported();
    }
    OptionalInt cbitpos = f.optInteger("cbitpos");
    OptionalInt reducedPhysBits = f.optInteger("reducedPhysBits");
    OptionalInt maxGuests = f.optInteger("maxGuests");
    OptionalInt maxESGuests = f.optInteger("maxESGuests");
    Optional<String> cpu0Id = f.optString("cpu0Id");
    f.end();
    return new Sev(Supported.YES, cbitpos, reducedPhysBits, maxGuests, maxESGuests, cpu0Id);
  }

  private static Sgx sgx(JsonFields f) throws DomainCapabilitiesJsonException {
    if (f.supported() == Supported.NO) {
      f.endUnsupported();
      return Sgx.unsupported();
    }
    boolean flc = f.yesNo("flc");
    boolean sgx1 = f.yesNo("sgx1");
    boolean sgx2 = f.yesNo("sgx2");
    long sectionSize = f.unsigned64("section_size");
    List<SgxSection> sections = new ArrayList<>();
    List<JsonNode> items = f.optArray("sections");
    for (int i = 0; i < items.size(); i++) {
      JsonFields s = f.element("sections", i, items.get(i));
      sections.add(new SgxSection(s.integer("node"), s.unsigned64("size")));
      s.end();
    }
    f.end();
    return Sgx.supported(flc, sgx1, sgx2, sectionSize, sections);
  }
}

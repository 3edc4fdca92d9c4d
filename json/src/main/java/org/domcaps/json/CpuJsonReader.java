// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.HostModel;
import org.domcaps.model.MaxPhysAddr;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;

/** Reads {@code .cpu}: the four modes libvirt always reports, each "yes" or "no". */
final class CpuJsonReader {
  private CpuJsonReader() {}

  static Cpu cpu(JsonFields cpu) throws DomainCapabilitiesJsonException {
    JsonFields modes = cpu.object("modes");
    cpu.end();
    Cpu.Builder b = Cpu.builder()
        .hostPassthrough(migratable(modes.object("host-passthrough"), "hostPassthroughMigratable"))
        .maximum(migratable(modes.object("maximum"), "maximumMigratable"));
    JsonFields hostModel = modes.object("host-model");
    if (hostModel.supported() == Supported.YES) {
      b.hostModel(hostModel(hostModel));
    } else {
      hostModel.endUnsupported();
    }
    JsonFields custom = modes.object("custom");
    if (custom.supported() == Supported.YES) {
      List<JsonNode> models = custom.optArray("models");
      if (models.isEmpty()) {
        // The model says custom is supported exactly when it lists models, as libvirt does.
        throw custom.error("models",
            "expected at least one model when \"supported\" is \"yes\"");
      }
      for (int i = 0; i < models.size(); i++) {
        b.customModel(customModel(custom.element("models", i, models.get(i))));
      }
      custom.end();
    } else {
      custom.endUnsupported();
    }
    modes.end();
    return b.build();
  }

  private static MigratableMode migratable(JsonFields mode, String enumName)
      throws DomainCapabilitiesJsonException {
    if (mode.supported() == Supported.NO) {
      mode.endUnsupported();
      return MigratableMode.no();
    }
    Optional<JsonFields> enums = mode.optObject("enums");
    mode.end();
    if (enums.isEmpty()) {
      return MigratableMode.yes();
    }
    List<String> values = enums.get().strings(enumName);
    enums.get().end();
    return new MigratableMode(true, Optional.of(values));
  }

  private static HostModel hostModel(JsonFields f) throws DomainCapabilitiesJsonException {
    JsonFields model = f.object("model");
    HostModel.Builder b = HostModel.builder(model.string("name"))
        .fallback(model.string("fallback"))
        .vendorId(model.optString("vendor_id").orElse(null));
    model.end();
    b.vendor(f.optString("vendor").orElse(null));
    Optional<JsonFields> maxPhysAddr = f.optObject("maxphysaddr");
    if (maxPhysAddr.isPresent()) {
      JsonFields m = maxPhysAddr.get();
      MaxPhysAddr value = MaxPhysAddr.of(m.string("mode"));
      if (m.has("bits")) {
        value = value.withBits(nonNegative(m, "bits"));
      }
      if (m.has("limit")) {
        value = value.withLimit(nonNegative(m, "limit"));
      }
      m.end();
      b.maxPhysAddr(value);
    }
    List<JsonNode> features = f.optArray("features");
    for (int i = 0; i < features.size(); i++) {
      JsonFields feature = f.element("features", i, features.get(i));
      b.feature(new CpuFeature(feature.string("policy"), feature.string("name")));
      feature.end();
    }
    f.end();
    return b.build();
  }

  private static CpuModel customModel(JsonFields m) throws DomainCapabilitiesJsonException {
    String name = m.string("name");
    Usable usable = Usable.fromXml(m.choice("usable", "yes", "no", "unknown"));
    boolean deprecated = m.has("deprecated") && m.yesNo("deprecated");
    Optional<String> canonical = m.optString("canonical");
    String vendor = m.string("vendor");
    List<String> blockers = m.has("blockers") ? m.strings("blockers") : List.of();
    if (m.has("blockers") && blockers.isEmpty()) {
      throw m.error("blockers", "expected at least one feature (leave the field out for none)");
    }
    m.end();
    return new CpuModel(name, usable, deprecated, vendor, canonical, blockers);
  }

  private static int nonNegative(JsonFields f, String key) throws DomainCapabilitiesJsonException {
    int v = f.integer(key);
    if (v < 0) {
      throw f.error(key, "expected a non-negative integer, found " + v);
    }
    return v;
  }
}

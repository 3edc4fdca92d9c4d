// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.Loader;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;

/**
 * Every difference between two domain capabilities documents, element by element, in document
 * order. Equal documents give an empty list; the list is empty exactly when the model values are
 * equal.
 */
public final class CapsDiff {
  private final List<Difference> out = new ArrayList<>();

  private CapsDiff() {}

  public static List<Difference> of(DomainCapabilities a, DomainCapabilities b) {
    CapsDiff d = new CapsDiff();
    d.document(a, b);
    return List.copyOf(d.out);
  }

  private void document(DomainCapabilities a, DomainCapabilities b) {
    value(".path", a.path(), b.path());
    value(".domain", a.domain(), b.domain());
    value(".machine", a.machine().orElse(null), b.machine().orElse(null));
    value(".arch", a.arch(), b.arch());
    value(".vcpu.max", number(a.vcpuMax()), number(b.vcpuMax()));
    supported(".iothreads", a.iothreads(), b.iothreads());
    os(a.os(), b.os());
    cpu(a.cpu(), b.cpu());
    capability(".memoryBacking", a.memoryBacking(), b.memoryBacking());
    devices(a.devices(), b.devices());
    features(a.features(), b.features());
  }

  private void os(Os a, Os b) {
    supported(".os", a.supported(), b.supported());
    enums(".os", a.enums(), b.enums());
    loader(a.loader(), b.loader());
  }

  private void loader(Loader a, Loader b) {
    supported(".os.loader", a.supported(), b.supported());
    members(".os.loader.values", a.values(), b.values());
    enums(".os.loader", a.enums(), b.enums());
  }

  private void cpu(Optional<Cpu> a, Optional<Cpu> b) {
    if (a.isEmpty() || b.isEmpty()) {
      if (a.isPresent() != b.isPresent()) {
        value(".cpu", a.map(c -> "reported").orElse(null), b.map(c -> "reported").orElse(null));
      }
      return;
    }
    migratableMode("host-passthrough", "hostPassthroughMigratable",
        a.get().hostPassthrough(), b.get().hostPassthrough());
    migratableMode("maximum", "maximumMigratable", a.get().maximum(), b.get().maximum());
    hostModel(a.get().hostModel(), b.get().hostModel());
    custom(a.get(), b.get());
  }

  private void migratableMode(String mode, String enumName, MigratableMode a, MigratableMode b) {
    String path = ".cpu.modes[\"" + mode + "\"]";
    value(path + ".supported", yesNo(a.supported()), yesNo(b.supported()));
    if (a.migratable().isPresent() && b.migratable().isPresent()) {
      members(path + ".enums." + enumName, a.migratable().get(), b.migratable().get());
    } else if (a.migratable().isPresent() != b.migratable().isPresent()) {
      value(path + ".enums." + enumName, a.migratable().map(v -> "reported").orElse(null),
          b.migratable().map(v -> "reported").orElse(null));
    }
  }

  private void hostModel(Optional<HostModel> a, Optional<HostModel> b) {
    String path = ".cpu.modes[\"host-model\"]";
    value(path + ".supported", yesNo(a.isPresent()), yesNo(b.isPresent()));
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    HostModel x = a.get();
    HostModel y = b.get();
    value(path + ".model.name", x.model(), y.model());
    value(path + ".model.fallback", x.fallback(), y.fallback());
    value(path + ".model.vendor_id", x.vendorId().orElse(null), y.vendorId().orElse(null));
    value(path + ".vendor", x.vendor().orElse(null), y.vendor().orElse(null));
    members(path + ".features", featureTexts(x.features()), featureTexts(y.features()));
  }

  /** A host-model feature as {@code policy name}: a policy change shows as one out, one in. */
  private static List<String> featureTexts(List<CpuFeature> features) {
    return features.stream().map(f -> f.policy() + " " + f.name()).collect(Collectors.toList());
  }

  private void custom(Cpu a, Cpu b) {
    String path = ".cpu.modes.custom";
    value(path + ".supported", yesNo(a.customSupported()), yesNo(b.customSupported()));
    Map<String, CpuModel> inB = byName(b.custom());
    Map<String, CpuModel> inA = byName(a.custom());
    for (CpuModel m : a.custom()) {
      CpuModel other = inB.get(m.name());
      if (other == null) {
        out.add(Difference.onlyInA(path + ".models", m.name()));
        continue;
      }
      String p = path + ".models[\"" + m.name() + "\"]";
      value(p + ".usable", m.usable().xmlValue(), other.usable().xmlValue());
      value(p + ".deprecated", m.deprecated() ? "yes" : null, other.deprecated() ? "yes" : null);
      value(p + ".vendor", m.vendor(), other.vendor());
    }
    for (CpuModel m : b.custom()) {
      if (!inA.containsKey(m.name())) {
        out.add(Difference.onlyInB(path + ".models", m.name()));
      }
    }
  }

  private static Map<String, CpuModel> byName(List<CpuModel> models) {
    return models.stream()
        .collect(Collectors.toMap(CpuModel::name, Function.identity(), (x, y) -> x));
  }

  private void devices(Devices a, Devices b) {
    List<org.domcaps.model.Capability> x = a.inOrder();
    List<org.domcaps.model.Capability> y = b.inOrder();
    for (int i = 0; i < Devices.NAMES.size(); i++) {
      capability(".devices." + Devices.NAMES.get(i), x.get(i), y.get(i));
    }
  }

  private void features(Features a, Features b) {
    capability(".features.gic", a.gic(), b.gic());
    supported(".features.vmcoreinfo", a.vmcoreinfo(), b.vmcoreinfo());
    supported(".features.genid", a.genid(), b.genid());
    supported(".features.backingStoreInput", a.backingStoreInput(), b.backingStoreInput());
    supported(".features.backup", a.backup(), b.backup());
    supported(".features[\"s390-pv\"]", a.s390Pv(), b.s390Pv());
    sev(a.sev(), b.sev());
    sgx(a.sgx(), b.sgx());
    capability(".features.hyperv", a.hyperv(), b.hyperv());
  }

  private void sev(Sev a, Sev b) {
    supported(".features.sev", a.supported(), b.supported());
    value(".features.sev.cbitpos", number(a.cbitpos()), number(b.cbitpos()));
    value(".features.sev.reducedPhysBits", number(a.reducedPhysBits()),
        number(b.reducedPhysBits()));
    value(".features.sev.maxGuests", number(a.maxGuests()), number(b.maxGuests()));
    value(".features.sev.maxESGuests", number(a.maxESGuests()), number(b.maxESGuests()));
    value(".features.sev.cpu0Id", a.cpu0Id().orElse(null), b.cpu0Id().orElse(null));
  }

  private void sgx(Sgx a, Sgx b) {
    supported(".features.sgx", a.supported(), b.supported());
    if (a.supported() != Supported.YES || b.supported() != Supported.YES) {
      return;
    }
    value(".features.sgx.flc", yesNo(a.flc()), yesNo(b.flc()));
    value(".features.sgx.sgx1", yesNo(a.sgx1()), yesNo(b.sgx1()));
    value(".features.sgx.sgx2", yesNo(a.sgx2()), yesNo(b.sgx2()));
    value(".features.sgx.section_size", Long.toUnsignedString(a.sectionSizeKiB()),
        Long.toUnsignedString(b.sectionSizeKiB()));
    members(".features.sgx.sections", sections(a.sections()), sections(b.sections()));
  }

  private static List<String> sections(List<SgxSection> sections) {
    return sections.stream()
        .map(s -> "node " + s.node() + " size " + Long.toUnsignedString(s.sizeKiB()))
        .collect(Collectors.toList());
  }

  private void capability(String path, Capability a, Capability b) {
    supported(path, a.supported(), b.supported());
    enums(path, a.enums(), b.enums());
  }

  /** Enums by name: one missing on a side is a value difference, values are members. */
  private void enums(String path, List<CapsEnum> a, List<CapsEnum> b) {
    Set<String> names = new LinkedHashSet<>();
    a.forEach(e -> names.add(e.name()));
    b.forEach(e -> names.add(e.name()));
    for (String name : names) {
      Optional<CapsEnum> x = a.stream().filter(e -> e.name().equals(name)).findFirst();
      Optional<CapsEnum> y = b.stream().filter(e -> e.name().equals(name)).findFirst();
      String p = path + ".enums." + name;
      if (x.isPresent() && y.isPresent()) {
        members(p, x.get().values(), y.get().values());
      } else {
        value(p, x.map(e -> "reported").orElse(null), y.map(e -> "reported").orElse(null));
      }
    }
  }

  private void members(String path, List<String> a, List<String> b) {
    Set<String> inB = Set.copyOf(b);
    Set<String> inA = Set.copyOf(a);
    for (String v : a) {
      if (!inB.contains(v)) {
        out.add(Difference.onlyInA(path, v));
      }
    }
    for (String v : b) {
      if (!inA.contains(v)) {
        out.add(Difference.onlyInB(path, v));
      }
    }
    // The members both have, in another order, are still a difference: libvirt's order is part
    // of the text (and of firmware preference).
    List<String> commonA = a.stream().filter(inB::contains).toList();
    List<String> commonB = b.stream().filter(inA::contains).toList();
    if (!commonA.equals(commonB)) {
      value(path, "order " + String.join(",", commonA), "order " + String.join(",", commonB));
    }
  }

  private void supported(String path, Supported a, Supported b) {
    value(path + ".supported", a.isReported() ? a.xmlValue() : null,
        b.isReported() ? b.xmlValue() : null);
  }

  private void value(String path, String a, String b) {
    if (a == null ? b != null : !a.equals(b)) {
      out.add(Difference.value(path, a, b));
    }
  }

  private static String number(OptionalInt v) {
    return v.isPresent() ? Integer.toString(v.getAsInt()) : null;
  }

  private static String yesNo(boolean v) {
    return v ? "yes" : "no";
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one libvirt release can print in a {@code <domainCapabilities>} document: its devices and
 * features (in printing order), the optional parts that came after 9.0.0, the enum names of each
 * element, the values of each enum in its printing order ({@link EnumValues}), and virsh's
 * framing. One table per release in {@link #TABLES}; the writers print a document as a release
 * would by leaving out what its table lacks and putting enum values in its order, and
 * {@link #couldHavePrinted(DomainCapabilities)} says which releases' tables a document fits.
 */
public final class LibvirtPrints {
  /** An optional part of the document that not every release prints. */
  public enum Part {
    /** {@code <os><firmwareFeatures>} (12.1). */
    FIRMWARE_FEATURES,
    /** {@code <os><varstore>} (12.1). */
    VARSTORE,
    /** {@code <maxphysaddr>} of the host-model CPU (9.3). */
    MAX_PHYS_ADDR,
    /** {@code canonical='..'} of a custom CPU model (10.10). */
    CANONICAL,
    /** {@code <blockers>} after an unusable custom CPU model (10.9). */
    BLOCKERS,
    /** {@code <hyperv><defaults>} (11.9). */
    HYPERV_DEFAULTS,
    /** {@code <sev><cpu0Id>} (after 9.0: its schema has no such element; 11.3 prints it). */
    SEV_CPU0_ID
  }

  private static final List<String> DEVICES_9_0 = Devices.NAMES.subList(0, 9);
  private static final List<String> FEATURES_9_0 = List.of("gic", "vmcoreinfo", "genid",
      "backingStoreInput", "backup", "s390-pv", "sev", "sgx", "hyperv");

  /** libvirt 9.0.0 (Debian 12). */
  public static final LibvirtPrints V9_0 = new LibvirtPrints(LibvirtVersion.V9_0,
      DEVICES_9_0, FEATURES_9_0, Set.of(),
      Map.of("hostdev", List.of("mode", "startupPolicy", "subsysType", "capsType", "pciBackend")),
      Set.of("firmwareFeatures", "crypto", "interface", "panic", "console",
          "launchSecurity"), EnumValues.V9_0, true, 2);

  /** libvirt 11.3.0 (Debian 13): virsh frames the document with one newline less than 9.0. */
  public static final LibvirtPrints V11_3 = new LibvirtPrints(LibvirtVersion.V11_3,
      List.of("disk", "graphics", "video", "hostdev", "rng", "filesystem", "tpm", "redirdev",
          "channel", "crypto", "interface", "panic"),
      List.of("gic", "vmcoreinfo", "genid", "backingStoreInput", "backup", "async-teardown",
          "s390-pv", "ps2", "sev", "sgx", "hyperv", "launchSecurity"),
      Set.of(Part.MAX_PHYS_ADDR, Part.CANONICAL, Part.BLOCKERS, Part.SEV_CPU0_ID),
      Map.of("hostdev", List.of("mode", "startupPolicy", "subsysType", "capsType", "pciBackend")),
      Set.of("firmwareFeatures", "console"), EnumValues.V11_3, true, 1);

  /** libvirt 12.8.0, the newest release whose schema this model follows (documents only). */
  public static final LibvirtPrints V12_8 = new LibvirtPrints(LibvirtVersion.of(12, 8, 0),
      Devices.NAMES, Features.NAMES, Set.of(Part.values()), Map.of(), Set.of(),
      EnumValues.V12_8, false, 1);

  /** Every table, oldest first. */
  public static final List<LibvirtPrints> TABLES = List.of(V9_0, V11_3, V12_8);

  private final LibvirtVersion version;
  private final List<String> devices;
  private final List<String> features;
  private final Set<Part> parts;
  /** Elements whose enum names differ from {@link EnumOrder}'s (the newest). */
  private final Map<String, List<String>> enumOverrides;
  /** Elements that print no enums at all in this release. */
  private final Set<String> noEnums;
  /** {@code element/enum} to the values of libvirt's C enum behind it, in its order. */
  private final Map<String, List<String>> values;
  private final boolean valuesComplete;
  private final int virshExtraNewlines;

  private LibvirtPrints(LibvirtVersion version, List<String> devices, List<String> features,
      Set<Part> parts, Map<String, List<String>> enumOverrides, Set<String> noEnums,
      Map<String, List<String>> values, boolean valuesComplete, int virshExtraNewlines) {
    this.version = version;
    this.devices = List.copyOf(devices);
    this.features = List.copyOf(features);
    this.parts = Set.copyOf(parts);
    this.enumOverrides = Map.copyOf(enumOverrides);
    this.noEnums = Set.copyOf(noEnums);
    this.values = Map.copyOf(values);
    this.valuesComplete = valuesComplete;
    this.virshExtraNewlines = virshExtraNewlines;
  }

  /** The table of {@code version}; empty for a release without one. */
  public static Optional<LibvirtPrints> of(LibvirtVersion version) {
    return TABLES.stream().filter(t -> t.version.equals(version)).findFirst();
  }

  /** The newest table: what the model reads as known. */
  public static LibvirtPrints newest() {
    return V12_8;
  }

  public LibvirtVersion version() {
    return version;
  }

  /** The devices this release prints, in its order. */
  public List<String> devices() {
    return devices;
  }

  /** The features this release prints, in its order. */
  public List<String> features() {
    return features;
  }

  public boolean prints(Part part) {
    return parts.contains(part);
  }

  /** The enum names this release prints inside {@code element}, in its order. */
  public List<String> enums(String element) {
    if (noEnums.contains(element)) {
      return List.of();
    }
    return enumOverrides.getOrDefault(element, EnumOrder.allowed(element));
  }

  /**
   * The values this release can print in enum {@code enumName} of {@code element}, in its
   * printing order; empty when its table does not list that enum (values then print as given).
   */
  public Optional<List<String>> values(String element, String enumName) {
    return Optional.ofNullable(values.get(element + "/" + enumName));
  }

  /**
   * True when {@link #values} lists every value the release can print (read from its source), so
   * that another value is one it cannot print; false for the newest table, which is inferred
   * from documentation and keeps values it does not list.
   */
  public boolean valuesComplete() {
    return valuesComplete;
  }

  /**
   * The values of {@code e} as this release prints them: in its order, without those it cannot
   * print (a complete table) or, for an incomplete one, with an unlisted value kept right after
   * the listed value it followed.
   */
  public List<String> printable(String element, CapsEnum e) {
    List<String> order = values.get(element + "/" + e.name());
    if (order == null) {
      return e.values();
    }
    List<String> given = valuesComplete
        ? e.values().stream().filter(order::contains).toList() : e.values();
    return ListOrder.sorted(given, order);
  }

  /**
   * The newlines {@code virsh domcapabilities} prints after the document's own final one: two
   * for 9.0, one for 11.3 and later.
   */
  public int virshExtraNewlines() {
    return virshExtraNewlines;
  }

  /**
   * The releases (of {@link #TABLES}) whose tables hold every part of {@code caps}, oldest
   * first. A document with {@link DomainCapabilities#unknown() unknown content} fits none.
   */
  public static List<LibvirtVersion> couldHavePrinted(DomainCapabilities caps) {
    List<LibvirtVersion> out = new ArrayList<>();
    for (LibvirtPrints t : TABLES) {
      if (t.problems(caps).isEmpty()) {
        out.add(t.version);
      }
    }
    return out;
  }

  /** What in {@code caps} this release could not have printed; empty when it fits. */
  public List<String> problems(DomainCapabilities caps) {
    List<String> out = new ArrayList<>();
    if (!caps.unknown().isEmpty()) {
      out.add(caps.unknown().parts().size() + " unknown part(s), first "
          + caps.unknown().parts().get(0).where());
    }
    Os os = caps.os();
    if (os.firmwareFeatures().supported().isReported() && !prints(Part.FIRMWARE_FEATURES)) {
      out.add("os/firmwareFeatures");
    }
    if (os.varstore().isReported() && !prints(Part.VARSTORE)) {
      out.add("os/varstore");
    }
    checkEnums(out, "os", os.enums());
    checkEnums(out, "loader", os.loader().enums());
    checkEnums(out, "firmwareFeatures", os.firmwareFeatures().enums());
    caps.cpu().ifPresent(cpu -> {
      cpu.hostModel().ifPresent(h -> {
        if (h.maxPhysAddr().isPresent() && !prints(Part.MAX_PHYS_ADDR)) {
          out.add("cpu/mode[@name='host-model']/maxphysaddr");
        }
      });
      for (CpuModel m : cpu.custom()) {
        if (m.canonical().isPresent() && !prints(Part.CANONICAL)) {
          out.add("cpu/mode[@name='custom']/model@canonical");
          break;
        }
      }
      for (CpuModel m : cpu.custom()) {
        if (!m.blockers().isEmpty() && !prints(Part.BLOCKERS)) {
          out.add("cpu/mode[@name='custom']/blockers");
          break;
        }
      }
    });
    checkEnums(out, "memoryBacking", caps.memoryBacking().enums());
    List<Capability> all = caps.devices().inOrder();
    for (int i = 0; i < all.size(); i++) {
      String name = Devices.NAMES.get(i);
      if (all.get(i).supported().isReported()) {
        if (!devices.contains(name)) {
          out.add("devices/" + name);
        } else {
          checkEnums(out, name, all.get(i).enums());
        }
      }
    }
    Features f = caps.features();
    for (String flag : Features.FLAGS) {
      if (f.flag(flag).isReported() && !features.contains(flag)) {
        out.add("features/" + flag);
      }
    }
    checkFeature(out, "gic", f.gic());
    checkFeature(out, "hyperv", f.hyperv());
    checkFeature(out, "launchSecurity", f.launchSecurity());
    if (f.sev().cpu0Id().isPresent() && !prints(Part.SEV_CPU0_ID)) {
      out.add("features/sev/cpu0Id");
    }
    if (f.hypervDefaults().isPresent() && !prints(Part.HYPERV_DEFAULTS)) {
      out.add("features/hyperv/defaults");
    }
    return out;
  }

  private void checkFeature(List<String> out, String name, Capability c) {
    if (!c.supported().isReported()) {
      return;
    }
    if (!features.contains(name)) {
      out.add("features/" + name);
    } else {
      checkEnums(out, name, c.enums());
    }
  }

  private void checkEnums(List<String> out, String element, List<CapsEnum> enums) {
    List<String> names = enums(element);
    for (CapsEnum e : enums) {
      String where = element + "/enum[@name='" + e.name() + "']";
      if (!names.contains(e.name())) {
        out.add(where);
        continue;
      }
      List<String> order = values.get(element + "/" + e.name());
      if (order == null) {
        continue;
      }
      int last = -1;
      for (String v : e.values()) {
        int at = order.indexOf(v);
        if (at < 0) {
          if (valuesComplete) {
            out.add(where + "/value '" + v + "'");
          }
        } else if (at < last) {
          out.add(where + ": '" + v + "' after '" + order.get(last) + "' (libvirt " + version
              + " prints " + order.stream().filter(e.values()::contains).toList() + ")");
          break;
        } else {
          last = at;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "LibvirtPrints[" + version + "]";
  }
}

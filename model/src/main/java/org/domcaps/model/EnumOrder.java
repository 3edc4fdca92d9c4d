// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The enums libvirt 9.0.0 can print inside each element, in its printing order (the
 * ENUM_PROCESS calls of domain_capabilities.c). The XML and JSON readers refuse other names; the
 * writers sort into this order, so both forms accept and list enums alike.
 */
public final class EnumOrder {
  private static final Map<String, List<String>> BY_ELEMENT = Map.ofEntries(
      Map.entry("os", List.of("firmware")),
      Map.entry("loader", List.of("type", "readonly", "secure")),
      Map.entry("memoryBacking", List.of("sourceType")),
      Map.entry("disk", List.of("diskDevice", "bus", "model")),
      Map.entry("graphics", List.of("type")),
      Map.entry("video", List.of("modelType")),
      Map.entry("hostdev",
          List.of("mode", "startupPolicy", "subsysType", "capsType", "pciBackend")),
      Map.entry("rng", List.of("model", "backendModel")),
      Map.entry("filesystem", List.of("driverType")),
      Map.entry("tpm", List.of("model", "backendModel", "backendVersion")),
      Map.entry("redirdev", List.of("bus")),
      Map.entry("channel", List.of("type")),
      Map.entry("gic", List.of("version")),
      Map.entry("hyperv", List.of("features")));

  private EnumOrder() {}

  public static List<String> allowed(String element) {
    return BY_ELEMENT.getOrDefault(element, List.of());
  }

  /** The enums in libvirt's order; names libvirt does not know keep their relative order last. */
  public static List<CapsEnum> sorted(String element, List<CapsEnum> enums) {
    List<String> order = allowed(element);
    List<CapsEnum> out = new ArrayList<>(enums);
    out.sort(Comparator.comparingInt(e -> {
      int i = order.indexOf(e.name());
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    return out;
  }
}

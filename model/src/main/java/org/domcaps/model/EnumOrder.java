// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Map;

/**
 * The enums libvirt 9.0.0 through 12.8 can print inside each element, in its printing order (the
 * ENUM_PROCESS calls of domain_capabilities.c). This is the one table for every form of the
 * document: readers keep other names as they come but report them as unknown, and writers sort
 * into this order, so that all forms list enums alike. {@link LibvirtPrints} says which names
 * each release prints.
 */
public final class EnumOrder {
  private static final Map<String, List<String>> BY_ELEMENT = Map.ofEntries(
      Map.entry("os", List.of("firmware")),
      Map.entry("firmwareFeatures", List.of("secureBoot", "enrolledKeys")),
      Map.entry("loader", List.of("type", "readonly", "secure")),
      Map.entry("memoryBacking", List.of("sourceType")),
      Map.entry("disk", List.of("diskDevice", "bus", "model")),
      Map.entry("graphics", List.of("type")),
      Map.entry("video", List.of("modelType")),
      Map.entry("hostdev",
          List.of("mode", "startupPolicy", "subsysType", "capsType", "pciBackend", "iommufd")),
      Map.entry("rng", List.of("model", "backendModel")),
      Map.entry("filesystem", List.of("driverType")),
      Map.entry("tpm", List.of("model", "backendModel", "backendVersion")),
      Map.entry("redirdev", List.of("bus")),
      Map.entry("channel", List.of("type")),
      Map.entry("crypto", List.of("model", "type", "backendModel")),
      Map.entry("interface", List.of("backendType")),
      Map.entry("panic", List.of("model")),
      Map.entry("console", List.of("type")),
      Map.entry("launchSecurity", List.of("sectype")),
      Map.entry("gic", List.of("version")),
      Map.entry("hyperv", List.of("features")));

  private EnumOrder() {}

  /**
   * The enum names libvirt prints inside {@code element} (its XML name, e.g. {@code "disk"},
   * {@code "loader"}), in printing order; empty for an element that holds no enums.
   */
  public static List<String> allowed(String element) {
    return BY_ELEMENT.getOrDefault(element, List.of());
  }

  /** True when some libvirt up to 12.8 prints enum {@code name} inside {@code element}. */
  public static boolean known(String element, String name) {
    return allowed(element).contains(name);
  }

  /**
   * {@code enums} in libvirt's order for {@code element}. A name libvirt does not know (from a
   * newer release) stays right after the known enum it followed, so a document reads and writes
   * back in its own order.
   */
  public static List<CapsEnum> sorted(String element, List<CapsEnum> enums) {
    return ListOrder.sorted(enums, CapsEnum::name, allowed(element));
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.domcaps.model.CapsEnum;

/**
 * The enum names libvirt 9.0.0 prints inside each element, in its printing order. The JSON
 * reader refuses other names, exactly as the XML reader does, so that a document accepted in one
 * form is accepted in the other; the writer uses the order so that JSON and XML list enums alike.
 * (org.domcaps.model.xml keeps the same table package-private.)
 */
final class LibvirtEnums {
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

  private LibvirtEnums() {}

  static List<String> allowed(String element) {
    return BY_ELEMENT.getOrDefault(element, List.of());
  }

  static List<CapsEnum> sorted(String element, List<CapsEnum> enums) {
    List<String> order = allowed(element);
    List<CapsEnum> out = new ArrayList<>(enums);
    out.sort(Comparator.comparingInt(e -> {
      int i = order.indexOf(e.name());
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    return out;
  }
}

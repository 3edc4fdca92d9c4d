// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes firmware descriptor JSON for tests. */
final class Descriptors {
  private Descriptors() {}

  static String quoted(List<String> items) {
    return items.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
  }

  /** A split-flash UEFI (or other interface) descriptor with one target. */
  static String flash(
      String iface, String code, String vars, String arch, List<String> machines,
      List<String> features) {
    return "{\n  \"description\": \"test\",\n  \"interface-types\": [\"" + iface + "\"],\n"
        + "  \"mapping\": {\"device\": \"flash\",\n"
        + "    \"executable\": {\"filename\": \"" + code + "\", \"format\": \"raw\"},\n"
        + "    \"nvram-template\": {\"filename\": \"" + vars + "\", \"format\": \"raw\"}},\n"
        + "  \"targets\": [{\"architecture\": \"" + arch + "\", \"machines\": ["
        + quoted(machines) + "]}],\n"
        + "  \"features\": [" + quoted(features) + "],\n  \"tags\": []\n}\n";
  }

  /** A stateless flash descriptor (no NVRAM template). */
  static String stateless(String iface, String code, String arch, List<String> machines,
      List<String> features) {
    return "{\"interface-types\": [\"" + iface + "\"],"
        + " \"mapping\": {\"device\": \"flash\", \"mode\": \"stateless\","
        + " \"executable\": {\"filename\": \"" + code + "\", \"format\": \"raw\"}},"
        + " \"targets\": [{\"architecture\": \"" + arch + "\", \"machines\": ["
        + quoted(machines) + "]}],"
        + " \"features\": [" + quoted(features) + "]}\n";
  }

  /** A memory-mapped BIOS descriptor with targets given as raw JSON. */
  static String memory(String iface, String image, String targetsJson) {
    return "{\"interface-types\": [\"" + iface + "\"],"
        + " \"mapping\": {\"device\": \"memory\", \"filename\": \"" + image + "\"},"
        + " \"targets\": " + targetsJson + ", \"features\": []}\n";
  }

  static Path write(Path dir, String name, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

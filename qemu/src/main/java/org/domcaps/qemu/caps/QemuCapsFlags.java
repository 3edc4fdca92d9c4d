// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * libvirt 9.0.0's capability flag names in flag-index order (the order of {@code <flag>} elements
 * in the cache file). Project data: {@code flag-names.txt}, generated from libvirt's
 * qemu_capabilities.c by qemu/tools/GenerateCapsTables.java.
 */
public final class QemuCapsFlags {
  private static final List<String> NAMES = load();
  private static final Map<String, Integer> INDEX = index(NAMES);

  private QemuCapsFlags() {}

  /** All 442 names, index order. */
  public static List<String> names() {
    return NAMES;
  }

  /** Index of a flag name, -1 when libvirt 9.0.0 does not know it. */
  public static int indexOf(String name) {
    return INDEX.getOrDefault(name, -1);
  }

  public static boolean isKnown(String name) {
    return INDEX.containsKey(name);
  }

  private static List<String> load() {
    List<String> out = new ArrayList<>();
    try (InputStream in = QemuCapsFlags.class.getResourceAsStream("flag-names.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource flag-names.txt missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }
}

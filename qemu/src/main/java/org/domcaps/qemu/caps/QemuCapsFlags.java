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
import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.LibvirtVersion;

/**
 * libvirt's capability flag names in flag-index order (the order of {@code <flag>} elements in the
 * cache file), per libvirt release: each release retires and adds flags. Project data:
 * {@code flag-names.txt} (9.0.0) and {@code libvirt-X.Y.Z/flag-names.txt}, generated from that
 * release's qemu_capabilities.c by qemu/tools/GenerateCapsTables.java. The methods without a
 * version answer for 9.0.0.
 */
public final class QemuCapsFlags {
  private record Table(List<String> names, Map<String, Integer> index) {}

  private static final Map<LibvirtVersion, Table> TABLES = new ConcurrentHashMap<>();

  private QemuCapsFlags() {}

  /**
   * The resource directory (relative to this package) holding a release's generated tables.
   *
   * @throws IllegalArgumentException for a release domcaps does not answer as
   */
  public static String resourceDir(LibvirtVersion v) {
    if (v.equals(LibvirtVersion.V9_0)) {
      return "";
    }
    if (v.equals(LibvirtVersion.V11_3)) {
      return "libvirt-11.3.0/";
    }
    throw new IllegalArgumentException("libvirt " + v + " is not supported: expected one of "
        + LibvirtVersion.SUPPORTED);
  }

  /** libvirt 9.0.0's 442 names, index order. */
  public static List<String> names() {
    return names(LibvirtVersion.V9_0);
  }

  /** The release's names, index order. */
  public static List<String> names(LibvirtVersion v) {
    return table(v).names();
  }

  /** Index of a flag name in libvirt 9.0.0, -1 when it does not know it. */
  public static int indexOf(String name) {
    return table(LibvirtVersion.V9_0).index().getOrDefault(name, -1);
  }

  public static boolean isKnown(String name) {
    return isKnown(LibvirtVersion.V9_0, name);
  }

  public static boolean isKnown(LibvirtVersion v, String name) {
    return table(v).index().containsKey(name);
  }

  private static Table table(LibvirtVersion v) {
    return TABLES.computeIfAbsent(v, QemuCapsFlags::load);
  }

  private static Table load(LibvirtVersion v) {
    String resource = resourceDir(v) + "flag-names.txt";
    List<String> out = new ArrayList<>();
    try (InputStream in = QemuCapsFlags.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the class path");
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
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      index.put(out.get(i), i);
    }
    return new Table(Collections.unmodifiableList(out), index);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.QemuCapsFlags;

/**
 * libvirt's QMP-string → capability-flag tables per release (project data {@code flag-tables.tsv}
 * beside {@code flag-names.txt}, generated from each release's qemu_capabilities.c). Tables keep
 * libvirt's names so that
 * the probe reads like the C code it mirrors.
 */
final class FlagTables {
  /** One {@code {"string", QEMU_CAPS_X}} entry. */
  record StringFlag(String value, String flag) {}

  /** One QOM type whose properties are looked up in a string table, under an optional condition. */
  record TypedProps(String type, String table, String condition) {}

  private record Tables(Map<String, List<StringFlag>> string,
      Map<String, List<TypedProps>> typed) {}

  private static final Map<LibvirtVersion, Tables> TABLES = new ConcurrentHashMap<>();

  private FlagTables() {}

  static List<StringFlag> strings(LibvirtVersion v, String table) {
    Tables all = tables(v);
    List<StringFlag> t = all.string().get(table);
    if (t == null && all.typed().values().stream().flatMap(List::stream)
        .anyMatch(p -> p.table().equals(table))) {
      return List.of(); // a table libvirt emptied but still asks with (vfio-pci in 11.3)
    }
    if (t == null) {
      throw new IllegalStateException("no string flag table " + table + " in libvirt " + v);
    }
    return t;
  }

  static List<TypedProps> typed(LibvirtVersion v, String table) {
    List<TypedProps> t = tables(v).typed().get(table);
    if (t == null) {
      throw new IllegalStateException("no typed props table " + table + " in libvirt " + v);
    }
    return t;
  }

  private static Tables tables(LibvirtVersion v) {
    return TABLES.computeIfAbsent(v, FlagTables::load);
  }

  private static Tables load(LibvirtVersion v) {
    String resource = "/org/domcaps/qemu/caps/" + QemuCapsFlags.resourceDir(v) + "flag-tables.tsv";
    Map<String, List<StringFlag>> string = new LinkedHashMap<>();
    Map<String, List<TypedProps>> typed = new LinkedHashMap<>();
    try (InputStream in = FlagTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("string") && f.length == 4) {
          string.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new StringFlag(f[2], f[3]));
        } else if (f[0].equals("typed") && f.length == 5) {
          typed.computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new TypedProps(f[2], f[3], f[4].equals("-") ? null : f[4]));
        } else {
          throw new IllegalStateException(resource + ": unexpected line \"" + line + "\"");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Tables(string, typed);
  }

  /** virQEMUCapsProcessStringFlags: sets each not yet set flag whose string is among values. */
  static void apply(ProbeState s, List<StringFlag> table, Collection<String> values) {
    for (StringFlag f : table) {
      if (!s.has(f.flag()) && values.contains(f.value())) {
        s.set(f.flag());
      }
    }
  }
}

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

/**
 * libvirt's QMP-string → capability-flag tables (project data {@code flag-tables.tsv} beside
 * {@code flag-names.txt}, generated from qemu_capabilities.c). Tables keep libvirt's names so that
 * the probe reads like the C code it mirrors.
 */
final class FlagTables {
  /** One {@code {"string", QEMU_CAPS_X}} entry. */
  record StringFlag(String value, String flag) {}

  /** One QOM type whose properties are looked up in a string table, under an optional condition. */
  record TypedProps(String type, String table, String condition) {}

  private static final Map<String, List<StringFlag>> STRING = new LinkedHashMap<>();
  private static final Map<String, List<TypedProps>> TYPED = new LinkedHashMap<>();

  static {
    try (InputStream in =
        FlagTables.class.getResourceAsStream("/org/domcaps/qemu/caps/flag-tables.tsv")) {
      if (in == null) {
        throw new IllegalStateException("resource flag-tables.tsv missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("string") && f.length == 4) {
          STRING.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new StringFlag(f[2], f[3]));
        } else if (f[0].equals("typed") && f.length == 5) {
          TYPED.computeIfAbsent(f[1], k -> new ArrayList<>())
              .add(new TypedProps(f[2], f[3], f[4].equals("-") ? null : f[4]));
        } else {
          throw new IllegalStateException("flag-tables.tsv: unexpected line \"" + line + "\"");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FlagTables() {}

  static List<StringFlag> strings(String table) {
    List<StringFlag> t = STRING.get(table);
    if (t == null) {
      throw new IllegalStateException("no string flag table " + table);
    }
    return t;
  }

  static List<TypedProps> typed(String table) {
    List<TypedProps> t = TYPED.get(table);
    if (t == null) {
      throw new IllegalStateException("no typed props table " + table);
    }
    return t;
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

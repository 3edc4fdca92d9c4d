// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu.map;

import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.caps.QemuCapsFlags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lines of one generated CPU map resource, split into words; comments and blank lines dropped. */
final class CpuMapText {
  /** One significant line: its words and where it came from, for error messages. */
  record Line(String resource, int number, List<String> words) {
    String word(int i) {
      if (i >= words.size()) {
        throw error("expected at least " + (i + 1) + " words");
      }
      return words.get(i);
    }

    IllegalStateException error(String what) {
      return new IllegalStateException(
          resource + " line " + number + " \"" + String.join(" ", words) + "\": " + what);
    }
  }

  private CpuMapText() {}

  /**
   * The class-path resource of a release's map file: 9.0.0's beside the code, others in
   * libvirt-X.Y.Z/.
   */
  static String resource(LibvirtVersion v, String file) {
    return "/org/domcaps/qemu/cpu/" + QemuCapsFlags.resourceDir(v) + file;
  }

  static List<Line> read(String resource) {
    InputStream in = CpuMapText.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("CPU map resource " + resource
          + " is missing from the class path");
    }
    List<Line> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String s;
      int n = 0;
      while ((s = r.readLine()) != null) {
        n++;
        String t = s.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        lines.add(new Line(resource, n, List.of(t.split("\\s+"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CPU map resource " + resource, e);
    }
    return lines;
  }

  static long hex(Line line, String word) {
    try {
      return Long.parseLong(word.startsWith("0x") ? word.substring(2) : word, 16);
    } catch (NumberFormatException e) {
      throw line.error("\"" + word + "\" is not a hexadecimal number");
    }
  }

  static int decimal(Line line, String word) {
    try {
      return Integer.parseInt(word);
    } catch (NumberFormatException e) {
      throw line.error("\"" + word + "\" is not a decimal number");
    }
  }
}

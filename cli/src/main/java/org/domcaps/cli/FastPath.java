// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The warm path's start-up: a plain request ({@code --emulatorbin}, {@code --arch}, {@code
 * --machine}, {@code --virttype}, {@code --format}, {@code --cache-dir}, {@code --no-cache},
 * each at most once, as {@code --opt value} or {@code --opt=value}) runs {@link DomCapsCommand}
 * directly. Building picocli's model costs a third of a warm answer (its classes are Java 5
 * bytecode, which the CDS archive cannot hold); anything else, including every error, goes
 * through picocli so that help and messages stay picocli's.
 */
final class FastPath {
  private FastPath() {}

  /** The command ready to run, or null when picocli must parse {@code args}. */
  static DomCapsCommand parse(String[] args) {
    DomCapsCommand c = new DomCapsCommand();
    c.output = OutputFormatOption.of(OutputFormat.XML);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-cache")) {
        if (!seen.add(a)) {
          return null;
        }
        c.noCache = true;
        continue;
      }
      String name = a;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      if (!seen.add(name) || value.isEmpty() || value.startsWith("-")) {
        return null;
      }
      switch (name) {
        case "--emulatorbin" -> c.emulatorBin = value;
        case "--arch" -> c.arch = value;
        case "--machine" -> c.machine = value;
        case "--virttype" -> c.virtType = value;
        case "--format" -> {
          if (!value.equals("xml") && !value.equals("json")) {
            return null; // picocli words the error
          }
          c.output = OutputFormatOption.of(OutputFormat.fromOptionValue(value));
        }
        case "--cache-dir" -> c.cacheDir = Path.of(value);
        case "--libvirt" -> c.libvirt = LibvirtOption.of(value);
        default -> {
          return null;
        }
      }
    }
    return c;
  }

  /** picocli's default writers: the console's encoding when it reports one, else the default. */
  static PrintWriter writer(OutputStream s, String encodingProperty) {
    String enc = System.getProperty(encodingProperty);
    Charset cs;
    try {
      cs = enc == null ? Charset.defaultCharset()
          : Charset.forName("cp65001".equalsIgnoreCase(enc) ? "UTF-8" : enc);
    } catch (RuntimeException e) {
      cs = Charset.defaultCharset();
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(s, cs)), true);
  }
}

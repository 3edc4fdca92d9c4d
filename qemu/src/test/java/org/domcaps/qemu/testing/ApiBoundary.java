// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module boundary declared in {@code api/exports.txt}, checked on compiled classes with the
 * JDK's {@code jdeps}: which {@code org.domcaps} packages a module's classes depend on, and which
 * of those it may not use. Classes are read as compiled, so fully qualified references count as
 * much as imports.
 */
public final class ApiBoundary {
  private static final Pattern EXPORT =
      Pattern.compile("exports\\s+(\\S+)(?:\\s+to\\s+(.+))?");
  private static final Pattern DEPENDENCY =
      Pattern.compile("^\\s+(org\\.domcaps\\S*)\\s+->\\s+(org\\.domcaps\\S*)\\s.*$");

  private record Export(String pkg, Set<String> to) {}

  private final List<Export> exports;

  private ApiBoundary(List<Export> exports) {
    this.exports = exports;
  }

  /** Reads {@code api/exports.txt} of the project at {@code root}. */
  public static ApiBoundary read(Path root) {
    Path file = root.resolve("api/exports.txt");
    List<Export> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        Matcher m = EXPORT.matcher(t);
        if (!m.matches()) {
          throw new IllegalArgumentException(file + ": expected 'exports PACKAGE [to MODULE...]',"
              + " found '" + t + "'");
        }
        Set<String> to = m.group(2) == null ? Set.of() : Set.of(m.group(2).trim().split("\\s+"));
        out.add(new Export(m.group(1), to));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the module boundary " + file, e);
    }
    return new ApiBoundary(out);
  }

  /** The project root the tests run in ({@code -Ddomcaps.root}, else the parent directory). */
  public static Path projectRoot() {
    String root = System.getProperty("domcaps.root");
    return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
  }

  /** The packages exported to everyone. */
  public Set<String> publicPackages() {
    Set<String> out = new TreeSet<>();
    exports.stream().filter(e -> e.to().isEmpty()).forEach(e -> out.add(e.pkg()));
    return out;
  }

  /** Whether {@code module} (a directory name) may use {@code pkg}. */
  public boolean mayUse(String module, String pkg) {
    return exports.stream().anyMatch(e -> e.pkg().equals(pkg)
        && (e.to().isEmpty() || e.to().contains(module)));
  }

  /**
   * Each use of a package {@code module} may not use, as {@code "from -> to"}; {@code own} is the
   * prefix of the module's own packages.
   */
  public List<String> violations(String module, Path classes, String own) {
    List<String> out = new ArrayList<>();
    for (String[] dep : dependencies(classes)) {
      if (!dep[1].startsWith(own) && !mayUse(module, dep[1])) {
        out.add(dep[0] + " -> " + dep[1]);
      }
    }
    return out;
  }

  /**
   * Fails unless the consumer module whose tests run now ({@code target/classes} of the working
   * directory) uses the public qemu API and no package {@code api/exports.txt} keeps from it.
   *
   * @param module the consumer's directory name
   */
  public static void assertConsumerKeepsTheBoundary(String module) {
    Path classes = Path.of("target/classes");
    Set<String> used = usedPackages(classes);
    if (!used.contains("org.domcaps.qemu.api")) {
      throw new AssertionError(module + " no longer uses org.domcaps.qemu.api (jdeps found "
          + used + "): is the check looking at the right classes?");
    }
    List<String> bad = read(projectRoot()).violations(module, classes, "org.domcaps." + module);
    if (!bad.isEmpty()) {
      throw new AssertionError(module + " uses packages api/exports.txt does not export to it: "
          + bad + "; use org.domcaps.qemu.api (add a facade there) instead");
    }
  }

  /** The org.domcaps packages the classes under {@code classes} depend on. */
  public static Set<String> usedPackages(Path classes) {
    Set<String> out = new TreeSet<>();
    dependencies(classes).forEach(d -> out.add(d[1]));
    return out;
  }

  /**
   * Each dependency {@code "from -> to"} of a package under {@code classes} outside {@code
   * layer} on a package of {@code layer}: an internal package that uses the API (a cycle, since
   * the API wires the internals).
   */
  public static List<String> usesOf(Path classes, Set<String> layer) {
    List<String> out = new ArrayList<>();
    for (String[] dep : dependencies(classes)) {
      if (layer.contains(dep[1]) && !layer.contains(dep[0])) {
        out.add(dep[0] + " -> " + dep[1]);
      }
    }
    return out;
  }

  /** (from package, to package) pairs inside org.domcaps, as jdeps reports them. */
  static List<String[]> dependencies(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new IllegalStateException("jdeps is missing: a JDK (not a JRE) runs"
            + " the tests"));
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e",
        "^org\\.domcaps\\..*", classes.toString());
    if (rc != 0) {
      throw new IllegalStateException("jdeps " + classes + " failed (" + rc + "): " + out);
    }
    List<String[]> deps = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = DEPENDENCY.matcher(line);
      if (m.matches()) {
        deps.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return deps;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the tests find {@code ../shared/} (oracles, libvirt's recorded suite, specs). Read in
 * place, never copied. Maven passes {@code -Ddomcaps.shared}; otherwise the first {@code shared}
 * directory beside an ancestor of the working directory is used.
 */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String prop = System.getProperty("domcaps.shared");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("oracle"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "../shared not found (set -Ddomcaps.shared=DIR); the tests read the shared oracles there");
  }

  /** {@code shared/oracle/libvirt-9.0.0/qemu-7.2}. */
  public static Path oracle() {
    return root().resolve("oracle/libvirt-9.0.0/qemu-7.2");
  }

  /** {@code shared/conformance/libvirt-9.0.0}. */
  public static Path conformance() {
    return root().resolve("conformance/libvirt-9.0.0");
  }

  /**
   * The documents of libvirt after 9.0: the 11.3 oracle (when present on this machine), the 11.3
   * recorded suite's goldens and the newest release's test data, sorted.
   */
  public static List<Path> newerDomainCapabilitiesDocuments() {
    try (Stream<Path> rec = Files.list(root().resolve("conformance/libvirt-11.3.0/domaincaps"));
        Stream<Path> newest = Files.list(root().resolve("newest/domaincaps"))) {
      Path oracle11 = root().resolve("oracle/libvirt-11.3.0");
      List<Path> live = Files.isDirectory(oracle11)
          ? Files.walk(oracle11).filter(p -> p.toString().endsWith(".xml"))
              .filter(p -> !p.getFileName().toString().equals("capabilities.xml")).toList()
          : List.of();
      return Stream.concat(live.stream(), Stream.concat(rec, newest))
          .filter(p -> p.toString().endsWith(".xml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** libvirt 12.8's schema, {@code shared/newest/schemas/domaincaps.rng}. */
  public static Path newestSchema() {
    return root().resolve("newest/schemas/domaincaps.rng");
  }

  /** Every domain capabilities document of the shared oracles and recorded suite, sorted. */
  public static List<Path> allDomainCapabilitiesDocuments() {
    try (Stream<Path> live = Files.walk(oracle());
        Stream<Path> rec = Files.list(conformance().resolve("domaincaps"))) {
      return Stream.concat(
              live.filter(p -> p.toString().endsWith(".xml"))
                  .filter(p -> !p.getFileName().toString().equals("capabilities.xml")),
              rec.filter(p -> p.toString().endsWith(".xml")))
          .sorted()
          .collect(Collectors.toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

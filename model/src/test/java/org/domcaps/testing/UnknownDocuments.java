// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Documents written for these tests with elements and attributes no libvirt prints yet (a new
 * device, feature, top-level element, CPU mode, host-model child, attributes on known elements,
 * nested content, ...): each is {@code base.xml} plus unknown parts, in libvirt's formatting.
 */
public final class UnknownDocuments {
  private static final String DIR = "/org/domcaps/model/unknown/";

  /** The resource names, without {@code .xml}. */
  public static final List<String> NAMES = List.of("new-device", "new-feature",
      "new-top-level-element", "new-cpu-mode", "host-model-child", "attributes-on-known-elements",
      "attribute-before-known-ones", "nested-unknown-content", "unknown-enum-name",
      "unknown-inside-empty-elements", "unknown-first-children", "unknown-inside-loader-and-enum",
      "unknown-between-custom-models");

  private UnknownDocuments() {}

  /** The document {@code name} (one of {@link #NAMES}, or "base"). */
  public static String read(String name) {
    try (InputStream in = UnknownDocuments.class.getResourceAsStream(DIR + name + ".xml")) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

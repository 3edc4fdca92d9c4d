// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import java.util.Optional;

/** Line-level comparison of two documents, and libvirt's {@code <cpu>} block removed. */
public final class TextComparison {
  private TextComparison() {}

  /** "line N: expected «…», got «…»" for the first differing line; empty when equal. */
  public static Optional<String> firstDifference(String expected, String actual) {
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int n = Math.min(e.length, a.length);
    for (int i = 0; i < n; i++) {
      if (!e[i].equals(a[i])) {
        return Optional.of("line " + (i + 1) + ": expected \"" + e[i] + "\", got \"" + a[i] + "\"");
      }
    }
    if (e.length > a.length) {
      return Optional.of("line " + (n + 1) + ": expected \"" + e[n] + "\", got end of document");
    }
    return Optional.of("line " + (n + 1) + ": expected end of document, got \"" + a[n] + "\"");
  }

  /**
   * The document without its {@code <cpu>…</cpu>} block (two-space indented, as libvirt writes).
   */
  public static String withoutCpu(String doc) {
    int start = doc.indexOf("\n  <cpu>\n");
    if (start < 0) {
      return doc;
    }
    int end = doc.indexOf("\n  </cpu>\n", start);
    return end < 0 ? doc : doc.substring(0, start) + doc.substring(end + "\n  </cpu>".length());
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import java.util.Arrays;

/** Line starts of a document, to turn a character offset into {@code line:column} quickly. */
final class LineIndex {
  private final String text;
  private final int[] starts;

  LineIndex(String text) {
    this.text = text;
    int[] s = new int[64];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    }
    starts = Arrays.copyOf(s, n);
  }

  /**
   * Line and column (1-based) of the {@code '<'} opening the tag that ends just before
   * {@code offset}; StAX reports the position after a start tag, a reader of FILE:LINE:COL wants
   * its beginning. Falls back to the parser's own position when the offset is unknown.
   */
  int[] tagStart(int offset, int line, int column) {
    if (offset <= 0 || offset > text.length()) {
      return new int[] {line, column};
    }
    int i = offset - 1;
    while (i > 0 && text.charAt(i) != '<') {
      i--;
    }
    int k = Arrays.binarySearch(starts, i);
    int ln = k >= 0 ? k : -k - 2;
    return new int[] {ln + 1, i - starts[ln] + 1};
  }
}

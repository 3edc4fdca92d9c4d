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
   * Line and column (1-based) of the {@code '<'} opening the tag that ends just before the
   * parser's position {@code line:column}. StAX reports the position after a start tag (its
   * character offsets are unreliable, its line and column are not); a reader of FILE:LINE:COL
   * wants the tag's beginning.
   */
  int[] tagStart(int line, int column) {
    if (line < 1 || line > starts.length) {
      return new int[] {line, column};
    }
    int i = Math.min(starts[line - 1] + column - 2, text.length() - 1);
    while (i > 0 && text.charAt(i) != '<') {
      i--;
    }
    int k = Arrays.binarySearch(starts, i);
    int ln = k >= 0 ? k : -k - 2;
    return new int[] {ln + 1, i - starts[ln] + 1};
  }
}

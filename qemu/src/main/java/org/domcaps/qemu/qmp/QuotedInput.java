// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

/**
 * Text from outside (a QMP line, a peer's stderr) as it may appear in an error message: at most
 * {@value #MAX_CHARS} characters, every control, format, surrogate or other unprintable character
 * escaped (backslash-x and two hex digits below U+0100, else backslash-u and four), and how much
 * was left out. A 10 MB garbage line must neither flood stderr nor put raw control bytes
 * (terminal escapes) on it.
 */
public final class QuotedInput {
  /** The longest excerpt kept, in characters of the input. */
  public static final int MAX_CHARS = 200;

  private QuotedInput() {}

  /** The excerpt of {@code s}: escaped, cut to {@value #MAX_CHARS} characters. */
  public static String excerpt(CharSequence s) {
    return excerpt(s, MAX_CHARS);
  }

  /** The excerpt of {@code s} cut to {@code max} characters of input. */
  public static String excerpt(CharSequence s, int max) {
    int keep = Math.min(s.length(), max);
    StringBuilder b = new StringBuilder(keep + 32);
    for (int i = 0; i < keep; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        b.append("\\\\");
      } else if (printable(c)) {
        b.append(c);
      } else if (c < 0x100) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    if (s.length() > keep) {
      b.append("... (").append(s.length() - keep).append(" more characters)");
    }
    return b.toString();
  }

  private static boolean printable(char c) {
    if (c < 0x20 || c == 0x7f) {
      return false;
    }
    if (Character.isSurrogate(c)) {
      return false;
    }
    int type = Character.getType(c);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;

/**
 * libvirt's kernel command line matcher (virKernelCmdlineMatchParam), with the kernel's quoting
 * rules and {@code _} equal to {@code -} in parameter names.
 */
final class KernelCmdline {
  private KernelCmdline() {}

  private record Param(String name, String value, int next) {}

  /**
   * True when the last examined occurrence of {@code arg} matched: its value starts with one of
   * {@code prefixes} (prefix comparison, search stops at the first match), or it has no value and
   * no prefixes are given.
   */
  static boolean matchFirstPrefix(String cmdline, String arg, List<String> prefixes) {
    String want = arg.replace('_', '-');
    boolean match = false;
    int pos = 0;
    while (pos < cmdline.length()) {
      Param p = next(cmdline, pos);
      if (p == null) {
        break;
      }
      pos = p.next();
      if (!p.name().replace('_', '-').equals(want)) {
        continue;
      }
      if (p.value() == null) {
        match = prefixes.isEmpty();
      } else {
        match = prefixes.stream().anyMatch(p.value()::startsWith);
      }
      if (match) {
        break;
      }
    }
    return match;
  }

  /** virKernelCmdlineNextParam from {@code start}; null when no parameter is left. */
  private static Param next(String s, int start) {
    int c = start;
    while (c < s.length() && isSpace(s.charAt(c))) {
      c++;
    }
    boolean quoted = false;
    if (c < s.length() && s.charAt(c) == '"') {
      quoted = true;
      c++;
    }
    int equal = 0;
    int i = 0;
    boolean inQuote = quoted;
    for (; c + i < s.length(); i++) {
      char ch = s.charAt(c + i);
      if (!inQuote && isSpace(ch)) {
        break;
      }
      if (equal == 0 && ch == '=') {
        equal = i;
        continue;
      }
      if (ch == '"') {
        inQuote = !inQuote;
      }
    }
    int end = c + i;
    if (end == c) {
      return null;
    }
    boolean closingQuote = s.charAt(end - 1) == '"';
    if (equal == 0) {
      return new Param(s.substring(c, quoted && closingQuote ? end - 1 : end), null, end);
    }
    String name = s.substring(c, c + equal);
    if (c + equal + 1 < s.length() && s.charAt(c + equal + 1) == '"') {
      quoted = true;
      equal++;
    }
    int valueStart = Math.min(c + equal + 1, end);
    int valueEnd = quoted && closingQuote ? Math.max(valueStart, end - 1) : end;
    return new Param(name, s.substring(valueStart, valueEnd), end);
  }

  private static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == 0x0B;
  }
}

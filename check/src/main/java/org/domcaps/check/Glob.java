// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

/** fnmatch(3) without flags, as libvirt matches descriptor machine globs: *, ?, [...]. */
public final class Glob {
  private Glob() {}

  public static boolean matches(String glob, String s) {
    return match(glob, 0, s, 0);
  }

  private static boolean match(String g, int gi, String s, int si) {
    while (gi < g.length()) {
      char c = g.charAt(gi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (match(g, gi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '?') {
        gi++;
        si++;
        continue;
      }
      if (c == '[') {
        int end = g.indexOf(']', gi + 2);
        if (end > 0) {
          String set = g.substring(gi + 1, end);
          boolean neg = set.startsWith("!");
          if (neg) {
            set = set.substring(1);
          }
          if (inSet(set, s.charAt(si)) == neg) {
            return false;
          }
          gi = end + 1;
          si++;
          continue;
        }
      }
      if (c != s.charAt(si)) {
        return false;
      }
      gi++;
      si++;
    }
    return si == s.length();
  }

  private static boolean inSet(String set, char ch) {
    for (int i = 0; i < set.length(); i++) {
      if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
        if (ch >= set.charAt(i) && ch <= set.charAt(i + 2)) {
          return true;
        }
        i += 2;
      } else if (set.charAt(i) == ch) {
        return true;
      }
    }
    return false;
  }
}

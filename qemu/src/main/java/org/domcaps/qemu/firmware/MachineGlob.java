// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

/**
 * g_pattern_match_simple: {@code *} matches any run of characters, {@code ?} exactly one; every
 * other character (including {@code [}, {@code \}) matches itself.
 */
final class MachineGlob {
  private MachineGlob() {}

  static boolean matches(String pattern, String s) {
    int p = 0;
    int i = 0;
    int starP = -1;
    int starI = 0;
    while (i < s.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == s.charAt(i))) {
        p++;
        i++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}

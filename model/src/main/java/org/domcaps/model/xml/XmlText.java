// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

/**
 * Text escaping as libvirt's virBufferEscapeString does it; the one routine for every libvirt XML
 * this project writes (domain capabilities, the qemu capability cache, CPU fragments).
 */
public final class XmlText {
  private XmlText() {}

  /**
   * Replaces {@code < > & " '} by entities and drops the control characters libvirt drops
   * (0x01-0x08, 0x0B, 0x0C, 0x0E-0x19); tab, newline and carriage return stay.
   */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    escape(out, s);
    return out.toString();
  }

  /** As {@link #escape(String)}, appending to {@code out}. */
  public static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&apos;");
          break;
        default:
          if (!isDropped(c)) {
            out.append(c);
          }
      }
    }
  }

  private static boolean isDropped(char c) {
    return (c >= 0x01 && c <= 0x08) || c == 0x0B || c == 0x0C || (c >= 0x0E && c <= 0x19);
  }
}

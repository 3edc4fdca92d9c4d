// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import static org.domcaps.model.xml.XmlText.escape;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only rendering of {@link OsFirmwareCapabilities} the way libvirt prints {@code <os>}
 * (domain_capabilities.c), so firmware answers can be compared with virsh's text without the model
 * module.
 */
final class OsXml {
  private OsXml() {}

  private static final Pattern OS = Pattern.compile("(?s)\\n(  <os supported=.*?\\n  </os>)\\n");
  private static final Pattern MACHINE = Pattern.compile("<machine>([^<]*)</machine>");

  static String format(OsFirmwareCapabilities os) {
    StringBuilder b = new StringBuilder();
    b.append("  <os supported='").append(yesNo(os.supported())).append("'>\n");
    enumeration(b, "    ", "firmware", os.firmware());
    b.append("    <loader supported='").append(yesNo(os.loaderSupported())).append("'>\n");
    for (String v : os.loaderValues()) {
      b.append("      <value>").append(escape(v)).append("</value>\n");
    }
    enumeration(b, "      ", "type", os.loaderTypes());
    enumeration(b, "      ", "readonly", os.loaderReadonly());
    enumeration(b, "      ", "secure", os.loaderSecure());
    b.append("    </loader>\n");
    b.append("  </os>");
    return b.toString();
  }

  private static void enumeration(StringBuilder b, String indent, String name, List<String> vals) {
    if (vals.isEmpty()) {
      b.append(indent).append("<enum name='").append(name).append("'/>\n");
      return;
    }
    b.append(indent).append("<enum name='").append(name).append("'>\n");
    for (String v : vals) {
      b.append(indent).append("  <value>").append(escape(v)).append("</value>\n");
    }
    b.append(indent).append("</enum>\n");
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }


  /** The {@code <os>...</os>} block of a domain capabilities document. */
  static String osBlock(String document) {
    Matcher m = OS.matcher(document);
    if (!m.find()) {
      throw new AssertionError("no <os> block in:\n" + document);
    }
    return m.group(1);
  }

  /** The canonical machine libvirt chose. */
  static String machine(String document) {
    Matcher m = MACHINE.matcher(document);
    if (!m.find()) {
      throw new AssertionError("no <machine> in:\n" + document);
    }
    return m.group(1);
  }
}

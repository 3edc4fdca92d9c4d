// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.util.Locale;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/** The forms a document is printed in: libvirt's XML or the JSON form. */
public enum OutputFormat {
  XML {
    @Override
    public String render(DomainCapabilities caps) {
      return DomainCapabilitiesXml.format(caps);
    }

    @Override
    public String render(DomainCapabilities caps, LibvirtVersion release) {
      return DomainCapabilitiesXml.format(caps, release);
    }
  },
  JSON {
    @Override
    public String render(DomainCapabilities caps) {
      return DomainCapabilitiesJson.write(caps);
    }

    @Override
    public String render(DomainCapabilities caps, LibvirtVersion release) {
      return DomainCapabilitiesJson.write(caps, release);
    }
  };

  /** The whole text, ending in a newline. */
  public abstract String render(DomainCapabilities caps);

  /** The whole text as libvirt {@code release} would print the document (no virsh framing). */
  public abstract String render(DomainCapabilities caps, LibvirtVersion release);

  /** The lower-case name used on the command line. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code xml} or {@code json}, any case. */
  public static OutputFormat fromOptionValue(String value) {
    for (OutputFormat f : values()) {
      if (f.optionValue().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + value + "' (expected xml or json)");
  }
}

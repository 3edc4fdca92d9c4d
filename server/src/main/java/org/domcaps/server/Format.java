// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.List;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/**
 * The two forms of a document, rendered exactly as {@code domcaps} prints them on stdout, so that a
 * client (or {@code bin/domcaps} through curl) can copy the body to its output unchanged.
 */
public enum Format {
  XML("application/xml") {
    @Override
    String render(DomainCapabilities caps, LibvirtVersion libvirt) {
      // virsh prints the document and a newline; 9.0's virsh one more after every command.
      return DomainCapabilitiesXml.format(caps)
          + (libvirt.atLeast(LibvirtVersion.V11_3) ? "\n" : "\n\n");
    }

    @Override
    String renderList(List<DomainCapabilities> answers) {
      return DocumentLists.xmlList(answers);
    }
  },
  JSON("application/json") {
    @Override
    String render(DomainCapabilities caps, LibvirtVersion libvirt) {
      return DomainCapabilitiesJson.write(caps);
    }

    @Override
    String renderList(List<DomainCapabilities> answers) {
      return DocumentLists.jsonArray(answers);
    }
  };

  private final String mediaType;

  Format(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** What {@code domcaps ... --libvirt VERSION} prints for one answer. */
  abstract String render(DomainCapabilities caps, LibvirtVersion libvirt);

  /** What {@code domcaps --all} prints on stdout. */
  abstract String renderList(List<DomainCapabilities> answers);
}

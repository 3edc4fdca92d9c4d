// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import org.domcaps.model.xml.DomainCapabilitiesXml;

/** XML → JSON → XML with main classes only, so that it can run in another class loader. */
public final class JsonRoundTrip {
  private JsonRoundTrip() {}

  /** The JSON of {@code xml} and the XML read back from it, separated by a NUL. */
  public static String through(String xml) throws Exception {
    String json = DomainCapabilitiesJson.write(DomainCapabilitiesXml.parse(xml));
    return json + "\0" + DomainCapabilitiesXml.format(DomainCapabilitiesJson.read(json));
  }
}

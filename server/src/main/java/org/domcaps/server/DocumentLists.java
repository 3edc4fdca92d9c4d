// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.List;
import org.domcaps.json.DomainCapabilitiesJson;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;

/** The {@code --all} forms: several documents in one text (also used by the CLI). */
public final class DocumentLists {
  private DocumentLists() {}

  /** The documents inside {@code <domainCapabilitiesList>}, each indented by two spaces. */
  public static String xmlList(List<DomainCapabilities> answers) {
    StringBuilder doc = new StringBuilder("<domainCapabilitiesList>\n");
    for (DomainCapabilities caps : answers) {
      for (String line : DomainCapabilitiesXml.format(caps).split("\n")) {
        doc.append("  ").append(line).append('\n');
      }
    }
    return doc.append("</domainCapabilitiesList>\n").toString();
  }

  /** A JSON array of the documents' JSON forms, each indented by two spaces. */
  public static String jsonArray(List<DomainCapabilities> answers) {
    if (answers.isEmpty()) {
      return "[]\n";
    }
    StringBuilder doc = new StringBuilder("[\n");
    for (int i = 0; i < answers.size(); i++) {
      String[] lines = DomainCapabilitiesJson.write(answers.get(i)).split("\n");
      for (int j = 0; j < lines.length; j++) {
        doc.append("  ").append(lines[j]);
        doc.append(j == lines.length - 1 && i < answers.size() - 1 ? ",\n" : "\n");
      }
    }
    return doc.append("]\n").toString();
  }
}

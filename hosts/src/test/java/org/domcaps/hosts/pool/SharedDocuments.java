// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;

/** The shared goldens and oracle documents, read once, grouped by what a pool must share. */
final class SharedDocuments {
  record Doc(Path file, String text, DomainCapabilities caps) {}

  private static List<Doc> all;

  private SharedDocuments() {}

  static synchronized List<Doc> all() throws Exception {
    if (all == null) {
      List<Doc> docs = new ArrayList<>();
      for (Path f : SharedData.allDomainCapabilitiesDocuments()) {
        String text = Files.readString(f);
        docs.add(new Doc(f, text, DomainCapabilitiesXml.parse(text)));
      }
      all = List.copyOf(docs);
    }
    return all;
  }

  /** Documents by arch and virt type, the pairs a pool accepts. */
  static Map<String, List<Doc>> poolable() throws Exception {
    Map<String, List<Doc>> out = new TreeMap<>();
    for (Doc d : all()) {
      out.computeIfAbsent(d.caps().arch() + "/" + d.caps().domain(), k -> new ArrayList<>()).add(d);
    }
    return out;
  }
}

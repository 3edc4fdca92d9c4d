// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A small, complete copy of an XML document for seeding a fuzzer: every element keeps at most
 * {@code keep} children of each name, so that a 200 KiB capability cache document becomes a few
 * KiB with every kind of element still in it. A fuzzer's inputs grow and shrink from its seeds'
 * sizes: whole documents make every execution slow (and the fuzzer's length limit cut them to
 * invalid prefixes), thinned ones keep them fast and well-formed.
 */
final class ThinnedXml {
  private ThinnedXml() {}

  static Optional<byte[]> of(byte[] xml, int keep) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      Element root = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
      StringBuilder out = new StringBuilder();
      write(root, keep, 0, out);
      return Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static void write(Element e, int keep, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append('<').append(e.getTagName());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      out.append(' ').append(a.getNodeName()).append("='").append(escape(a.getNodeValue()))
          .append('\'');
    }
    boolean hasElements = false;
    StringBuilder text = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.ELEMENT_NODE) {
        hasElements = true;
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      }
    }
    if (!hasElements) {
      if (text.length() == 0) {
        out.append("/>\n");
      } else {
        out.append('>').append(escape(text.toString())).append("</").append(e.getTagName())
            .append(">\n");
      }
      return;
    }
    out.append(">\n");
    String previous = null;
    int run = 0;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      Element child = (Element) c;
      run = child.getTagName().equals(previous) ? run + 1 : 1;
      previous = child.getTagName();
      if (run <= keep) {
        write(child, keep, depth + 1, out);
      }
    }
    out.append("  ".repeat(depth)).append("</").append(e.getTagName()).append(">\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("'", "&apos;");
  }
}

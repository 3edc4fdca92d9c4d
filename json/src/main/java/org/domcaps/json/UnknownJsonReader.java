// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.domcaps.model.UnknownContent;
import org.domcaps.model.UnknownPart;
import org.domcaps.model.XmlNode;

/**
 * Reads {@code .unknown}: the XML elements and attributes the model does not know, each with its
 * place ({@code in}, {@code after}); see the README's JSON section. Each is reported as kept.
 */
final class UnknownJsonReader {
  private UnknownJsonReader() {}

  static UnknownContent unknown(JsonFields root) throws DomainCapabilitiesJsonException {
    List<JsonNode> items = root.optArray("unknown");
    List<UnknownPart> parts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonFields p = root.element("unknown", i, items.get(i));
      String in = p.string("in");
      String after = p.string("after");
      if (p.has("attribute") == p.has("element")) {
        throw p.error("expected exactly one of \"attribute\" and \"element\"");
      }
      if (p.has("attribute")) {
        JsonFields a = p.object("attribute");
        String name = xmlName(a, "name");
        parts.add(UnknownPart.attribute(in, after, name, a.string("value")));
        a.end();
        root.warn("unknown", "[" + i + "]: unknown attribute " + in + "@" + name + " kept");
      } else {
        XmlNode n = node(p.object("element"));
        parts.add(UnknownPart.element(in, after, n));
        root.warn("unknown", "[" + i + "]: unknown element " + in + "/" + n.name() + " kept");
      }
      p.end();
    }
    return UnknownContent.of(parts);
  }

  private static XmlNode node(JsonFields f) throws DomainCapabilitiesJsonException {
    String name = xmlName(f, "name");
    List<Map.Entry<String, String>> attrs = new ArrayList<>();
    if (f.has("attributes")) {
      JsonFields a = f.object("attributes");
      for (String key : a.fieldNames()) {
        checkName(a.path(key), key);
        attrs.add(Map.entry(key, a.string(key)));
      }
      a.end();
    }
    String text = f.optString("text").orElse("");
    List<XmlNode> children = new ArrayList<>();
    List<JsonNode> items = f.optArray("children");
    for (int i = 0; i < items.size(); i++) {
      children.add(node(f.element("children", i, items.get(i))));
    }
    if (!text.isEmpty() && !children.isEmpty()) {
      throw f.error("expected \"text\" or \"children\", not both (libvirt never mixes them)");
    }
    f.end();
    return new XmlNode(name, attrs, text, children);
  }

  private static String xmlName(JsonFields f, String key) throws DomainCapabilitiesJsonException {
    String name = f.string(key);
    checkName(f.path(key), name);
    return name;
  }

  /** An XML name as libvirt prints them: a letter or underscore, then letters, digits, - _ . */
  private static void checkName(String path, String name) throws DomainCapabilitiesJsonException {
    boolean ok = !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
    for (int i = 1; ok && i < name.length(); i++) {
      char c = name.charAt(i);
      ok = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
    if (!ok) {
      throw new DomainCapabilitiesJsonException(path,
          "expected an XML name (a letter or '_', then letters, digits, '-', '_', '.'), found "
              + JsonFields.quote(name));
    }
  }
}

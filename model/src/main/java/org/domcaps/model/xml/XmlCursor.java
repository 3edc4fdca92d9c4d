// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A strict walk over a StAX stream: element by element, with the element path for messages.
 * Only whitespace and comments may sit between elements; DTDs, processing instructions, entity
 * references, namespaces and unknown attributes are refused.
 */
final class XmlCursor {
  private final XMLStreamReader r;
  private final int maxDepth;
  private final Deque<String> path = new ArrayDeque<>();
  /** Name of the element {@link #text()} read last, for errors about its value. */
  private String textName = "";

  XmlCursor(XMLStreamReader r, int maxDepth) {
    this.r = r;
    this.maxDepth = maxDepth;
  }

  /** Moves to the root element and enters it. */
  String root() throws DomainCapabilitiesParseException, XMLStreamException {
    if (!nextChild()) {
      throw error("the document has no root element");
    }
    return name();
  }

  /** After the root element: only whitespace and comments may follow. */
  void finish() throws DomainCapabilitiesParseException, XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
          if (!isXmlWhitespace()) {
            throw error("unexpected text " + quote(r.getText()) + " after the root element");
          }
          break;
        case XMLStreamConstants.COMMENT:
        case XMLStreamConstants.END_DOCUMENT:
          break;
        default:
          throw unexpectedEvent(event);
      }
    }
  }

  /** Name of the element entered last. */
  String name() {
    return path.peekLast();
  }

  int depth() {
    return path.size();
  }

  /**
   * Advances to the next child of the current element and enters it (true), or consumes the
   * current element's end tag and leaves it (false).
   */
  boolean nextChild() throws DomainCapabilitiesParseException, XMLStreamException {
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          enter();
          return true;
        case XMLStreamConstants.END_ELEMENT:
          path.removeLast();
          return false;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.CDATA:
          if (!isXmlWhitespace()) {
            throw error("unexpected text " + quote(r.getText()));
          }
          break;
        case XMLStreamConstants.COMMENT:
          break;
        case XMLStreamConstants.END_DOCUMENT:
          throw error("the document ends early");
        default:
          throw unexpectedEvent(event);
      }
    }
  }

  private void enter() throws DomainCapabilitiesParseException {
    path.addLast(r.getLocalName());
    if (path.size() > maxDepth) {
      throw error("elements nest deeper than " + maxDepth + " levels");
    }
    String ns = r.getNamespaceURI();
    if (ns != null && !ns.isEmpty()) {
      throw error("unexpected namespace " + quote(ns) + " (libvirt uses none)");
    }
  }

  private boolean isXmlWhitespace() {
    char[] chars = r.getTextCharacters();
    int end = r.getTextStart() + r.getTextLength();
    for (int i = r.getTextStart(); i < end; i++) {
      char ch = chars[i];
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Reads the text of the current element, which must have no child elements, and leaves it. */
  String text() throws DomainCapabilitiesParseException, XMLStreamException {
    return text(false);
  }

  /** As {@link #text()}, refusing an empty text when {@code required}. */
  String text(boolean required) throws DomainCapabilitiesParseException, XMLStreamException {
    // Most texts arrive as one event: keep it as is, join only when split.
    String first = null;
    StringBuilder more = null;
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.CDATA:
          if (first == null) {
            first = r.getText();
          } else {
            if (more == null) {
              more = new StringBuilder(first);
            }
            more.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          }
          break;
        case XMLStreamConstants.COMMENT:
          break;
        case XMLStreamConstants.END_ELEMENT:
          String text = more != null ? more.toString() : first != null ? first : "";
          if (required && text.isEmpty()) {
            throw error("expected text but the element is empty");
          }
          textName = path.removeLast();
          return text;
        case XMLStreamConstants.START_ELEMENT:
          enter();
          throw error("unexpected element inside text-only <" + parentName() + ">");
        default:
          throw unexpectedEvent(event);
      }
    }
  }

  /** Leaves the current element, which must be empty. */
  void end() throws DomainCapabilitiesParseException, XMLStreamException {
    if (nextChild()) {
      throw error("unexpected element inside <" + parentName() + ">, which must be empty");
    }
  }

  /** Refuses attributes other than {@code allowed}. */
  void allowAttributes(String... allowed) throws DomainCapabilitiesParseException {
    outer:
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String attr = r.getAttributeLocalName(i);
      String ns = r.getAttributeNamespace(i);
      if (ns == null || ns.isEmpty()) {
        for (String a : allowed) {
          if (a.equals(attr)) {
            continue outer;
          }
        }
      }
      throw attributeError(attr, "unexpected attribute" + (allowed.length == 0 ? ""
          : " (expected " + String.join(", ", allowed) + ")"));
    }
  }

  /** The attribute's value, or null when it is missing. */
  String optionalAttribute(String attr) {
    return r.getAttributeValue(null, attr);
  }

  String attribute(String attr) throws DomainCapabilitiesParseException {
    String v = r.getAttributeValue(null, attr);
    if (v == null) {
      throw attributeError(attr, "missing attribute");
    }
    return v;
  }

  DomainCapabilitiesParseException error(String problem) {
    return errorAt(pathString(), problem);
  }

  /** An error about the text of the element {@link #text()} just read (and left). */
  DomainCapabilitiesParseException textError(String problem) {
    return errorAt(pathString() + "/" + textName, problem);
  }

  DomainCapabilitiesParseException attributeError(String attr, String problem) {
    return errorAt(pathString() + "@" + attr, problem);
  }

  /** An error about element {@code where} (a path taken earlier), at the current location. */
  DomainCapabilitiesParseException errorAt(String where, String problem) {
    Location loc = r.getLocation();
    return new DomainCapabilitiesParseException(
        loc.getLineNumber(), loc.getColumnNumber(), where, problem);
  }

  String pathString() {
    if (path.isEmpty()) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (String p : path) {
      sb.append('/').append(p);
    }
    return sb.toString();
  }

  private String parentName() {
    Iterator<String> it = path.descendingIterator();
    it.next();
    return it.hasNext() ? it.next() : "";
  }

  private DomainCapabilitiesParseException unexpectedEvent(int event) {
    switch (event) {
      case XMLStreamConstants.DTD:
        return error("a DOCTYPE is not allowed (no DTDs, no entities)");
      case XMLStreamConstants.ENTITY_REFERENCE:
        return error("entity reference &" + r.getLocalName() + "; is not allowed");
      case XMLStreamConstants.PROCESSING_INSTRUCTION:
        return error("processing instruction <?" + r.getPITarget() + " ...?> is not allowed");
      default:
        return error("unexpected XML event " + event);
    }
  }

  /** Quotes input for a message, cut to a readable length. */
  static String quote(String s) {
    String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return '"' + cut.replace("\n", "\\n") + '"';
  }
}

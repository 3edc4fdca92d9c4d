// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.domcaps.model.DocumentWarning;
import org.domcaps.model.UnknownContent;
import org.domcaps.model.UnknownPart;
import org.domcaps.model.XmlNode;

/**
 * A strict walk over a StAX stream: element by element, with the element path for messages.
 * Only whitespace and comments may sit between elements; DTDs, processing instructions, entity
 * references and namespaces are refused. Attributes and elements the model does not know are
 * kept (with their place) and reported as warnings.
 */
final class XmlCursor {
  private final XMLStreamReader r;
  private final int maxDepth;
  private final Deque<String> path = new ArrayDeque<>();
  /** Name of the element {@link #text()} read last, for errors about its value. */
  private String textName = "";
  /** Name of the element {@link #nextChild()} left last, for errors found after leaving it. */
  private String leftName = "";
  /**
   * The attribute names the last {@link #allowAttributes} call on the current element allowed,
   * and their values (null when absent): read once there, so lookups need not scan StAX's list.
   */
  private String[] allowedNames = NONE;
  private String[] allowedValues = NONE;
  private static final String[] NONE = {};
  /**
   * Per depth (0 = the root): the entered element's name attribute and index among same-named
   * siblings, and the last known child left inside it, for the steps that place unknown content.
   */
  private final List<Level> levels = new ArrayList<>();
  private final List<UnknownPart> unknown = new ArrayList<>();
  private final List<DocumentWarning> warnings = new ArrayList<>();

  private static final class Level {
    String name;
    String nameAttr;
    int index;
    String lastName;
    String lastNameAttr;
    int lastIndex;
    /**
     * How many known children of each name were left so far (a parent has a dozen names at most).
     */
    String[] childNames = new String[4];
    int[] childCounts = new int[4];
    int distinct;

    int count(String child) {
      for (int i = 0; i < distinct; i++) {
        if (childNames[i].equals(child)) {
          return childCounts[i];
        }
      }
      return 0;
    }

    void countLeft(String child) {
      for (int i = 0; i < distinct; i++) {
        if (childNames[i].equals(child)) {
          childCounts[i]++;
          return;
        }
      }
      if (distinct == childNames.length) {
        childNames = java.util.Arrays.copyOf(childNames, distinct * 2);
        childCounts = java.util.Arrays.copyOf(childCounts, distinct * 2);
      }
      childNames[distinct] = child;
      childCounts[distinct++] = 1;
    }
  }

  XmlCursor(XMLStreamReader r, int maxDepth) {
    this.r = r;
    this.maxDepth = maxDepth;
  }

  /** What the document held that the model does not know, in document order. */
  UnknownContent unknownContent() {
    return UnknownContent.of(unknown);
  }

  List<DocumentWarning> warnings() {
    return warnings;
  }

  /** Reports something kept but not known, at the current position. */
  void warn(String where, String message) {
    Location loc = r.getLocation();
    warnings.add(new DocumentWarning(loc.getLineNumber(), loc.getColumnNumber(), where, message));
  }

  /**
   * Keeps the element just entered, whole, as unknown content after the last known sibling, and
   * leaves it.
   */
  void keepUnknownElement(String what) throws DomainCapabilitiesParseException, XMLStreamException {
    String where = pathString();
    warn(where, "unknown " + what + "; kept as written");
    int depth = path.size();
    String owner = stepsTo(depth - 1);
    Level parent = levels.get(depth - 2);
    String after = step(parent.lastName, parent.lastNameAttr, parent.lastIndex);
    XmlNode node = subtree();
    unknown.add(UnknownPart.element(owner, after, node));
  }

  /** Reads the current element and everything in it as a node, and leaves it. */
  private XmlNode subtree() throws DomainCapabilitiesParseException, XMLStreamException {
    String name = r.getLocalName();
    List<Map.Entry<String, String>> attrs = new ArrayList<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) {
        throw attributeError(r.getAttributeLocalName(i), "unexpected namespaced attribute");
      }
      attrs.add(Map.entry(r.getAttributeLocalName(i), r.getAttributeValue(i)));
    }
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          path.addLast(r.getLocalName());
          if (path.size() > maxDepth) {
            throw error("elements nest deeper than " + maxDepth + " levels");
          }
          String ns = r.getNamespaceURI();
          if (ns != null && !ns.isEmpty()) {
            throw error("unexpected namespace " + quote(ns) + " (libvirt uses none)");
          }
          children.add(subtree());
          break;
        case XMLStreamConstants.END_ELEMENT:
          path.removeLast();
          allowedNames = NONE;
          String t = text.toString();
          if (!children.isEmpty()) {
            if (!isBlank(t)) {
              throw error("unexpected text " + quote(t.strip()) + " beside elements in <" + name
                  + "> (libvirt never mixes them)");
            }
            t = "";
          }
          return new XmlNode(name, attrs, t, children);
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.CDATA:
          text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          break;
        case XMLStreamConstants.COMMENT:
          break;
        default:
          throw unexpectedEvent(event);
      }
    }
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The step of an element: {@code name[@name='v']}, {@code name[n]} for n > 1, or the name. */
  static String step(String name, String nameAttr, int index) {
    if (name == null) {
      return "";
    }
    if (nameAttr != null) {
      return name + "[@name='" + nameAttr + "']";
    }
    return index > 1 ? name + "[" + index + "]" : name;
  }

  /** The path of steps from the root down to depth {@code depth} (1 = the root). */
  private String stepsTo(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      Level l = levels.get(i);
      sb.append('/').append(step(l.name, l.nameAttr, l.index));
    }
    return sb.toString();
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
          allowedNames = NONE;
          leftKnown();
          leftName = path.removeLast();
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
    allowedNames = NONE;
    String name = r.getLocalName();
    path.addLast(name);
    int depth = path.size();
    if (depth <= maxDepth) {
      while (levels.size() < depth) {
        levels.add(new Level());
      }
      Level l = levels.get(depth - 1);
      l.name = name;
      l.nameAttr = r.getAttributeValue(null, "name");
      l.lastName = null;
      l.distinct = 0;
      l.index = depth > 1 ? levels.get(depth - 2).count(name) + 1 : 1;
    }
    if (path.size() > maxDepth) {
      throw error("elements nest deeper than " + maxDepth + " levels");
    }
    String ns = r.getNamespaceURI();
    if (ns != null && !ns.isEmpty()) {
      throw error("unexpected namespace " + quote(ns) + " (libvirt uses none)");
    }
  }

  /** The element at the current depth is being left: it becomes its parent's last known child. */
  private void leftKnown() {
    int depth = path.size();
    if (depth > 1) {
      Level l = levels.get(depth - 1);
      Level parent = levels.get(depth - 2);
      parent.lastName = l.name;
      parent.lastNameAttr = l.nameAttr;
      parent.lastIndex = l.index;
      parent.countLeft(l.name);
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
          allowedNames = NONE;
          leftKnown();
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

  /**
   * Leaves the current element, which libvirt prints empty; elements inside are kept as unknown.
   */
  void end() throws DomainCapabilitiesParseException, XMLStreamException {
    while (nextChild()) {
      keepUnknownElement("element <" + name() + ">");
    }
  }

  /**
   * Reads the attributes {@code allowed}; any other is kept as unknown content, placed after the
   * known attribute before it, and reported. Namespaced attributes are refused.
   */
  void allowAttributes(String... allowed) throws DomainCapabilitiesParseException {
    String[] values = allowed.length == 0 ? NONE : new String[allowed.length];
    String lastKnown = "";
    outer:
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String attr = r.getAttributeLocalName(i);
      String ns = r.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) {
        throw attributeError(attr, "unexpected namespaced attribute (libvirt uses none)");
      }
      for (int j = 0; j < allowed.length; j++) {
        if (allowed[j].equals(attr)) {
          values[j] = r.getAttributeValue(i);
          lastKnown = attr;
          continue outer;
        }
      }
      keepUnknownAttribute(attr, r.getAttributeValue(i), lastKnown, allowed);
    }
    allowedNames = allowed;
    allowedValues = values;
  }

  private void keepUnknownAttribute(String attr, String value, String after, String[] allowed) {
    String where = pathString() + "@" + attr;
    warn(where, "unknown attribute kept as it is" + (allowed.length == 0 ? ""
        : " (known: " + String.join(", ", allowed) + ")"));
    unknown.add(UnknownPart.attribute(stepsTo(path.size()), after, attr, value));
  }

  /** The current element's attribute {@code attr}, or null, before any is allowed. */
  String peekAttribute(String attr) {
    return r.getAttributeValue(null, attr);
  }

  /** The attribute's value, or null when it is missing; only for allowed attributes. */
  String optionalAttribute(String attr) {
    for (int j = 0; j < allowedNames.length; j++) {
      if (allowedNames[j].equals(attr)) {
        return allowedValues[j];
      }
    }
    return r.getAttributeValue(null, attr);
  }

  String attribute(String attr) throws DomainCapabilitiesParseException {
    String v = optionalAttribute(attr);
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

  /**
   * Path of the element {@link #nextChild()} just left: errors about a whole element (a missing
   * child) are found only then, so the path is built only when one is.
   */
  String leftPath() {
    return (path.isEmpty() ? "" : pathString()) + "/" + leftName;
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

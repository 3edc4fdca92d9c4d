// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a domain definition as written: name, attributes in document order, direct
 * text, children, and where it starts ({@code line:column} of its start tag). Everything the
 * typed views do not interpret stays reachable here.
 */
public final class Element {
  private final String name;
  private final Map<String, String> attributes;
  private final List<Element> children;
  private final String text;
  private final int line;
  private final int column;
  private final Element parent;

  private Element(Builder b, Element parent) {
    this.name = b.name;
    this.attributes = Collections.unmodifiableMap(b.attributes);
    this.text = b.text.toString().strip();
    this.line = b.line;
    this.column = b.column;
    this.parent = parent;
    List<Element> kids = new ArrayList<>(b.children.size());
    for (Builder c : b.children) {
      kids.add(new Element(c, this));
    }
    this.children = Collections.unmodifiableList(kids);
  }

  public String name() {
    return name;
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  public Optional<String> attr(String attribute) {
    return Optional.ofNullable(attributes.get(attribute));
  }

  /** The attribute's value, or null when absent (for terse rule code). */
  public String attrOrNull(String attribute) {
    return attributes.get(attribute);
  }

  public List<Element> children() {
    return children;
  }

  /** Trimmed text directly inside the element (empty when none). */
  public String text() {
    return text;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public Optional<Element> parent() {
    return Optional.ofNullable(parent);
  }

  public Optional<Element> child(String childName) {
    for (Element c : children) {
      if (c.name.equals(childName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<Element> all(String childName) {
    List<Element> out = new ArrayList<>();
    for (Element c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first descendant along {@code names} ({@code child("a").child("b")...}). */
  public Optional<Element> at(String... names) {
    Element e = this;
    for (String n : names) {
      Optional<Element> c = e.child(n);
      if (c.isEmpty()) {
        return c;
      }
      e = c.get();
    }
    return Optional.of(e);
  }

  /** The element path from the root, {@code /domain/devices/video/model}. */
  public String path() {
    return parent == null ? "/" + name : parent.path() + "/" + name;
  }

  /** A short rendering of the start tag: {@code <model type='qxl'>} (at most three attributes). */
  public String tag() {
    StringBuilder s = new StringBuilder("<").append(name);
    int n = 0;
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      if (n++ == 3) {
        s.append(" ...");
        break;
      }
      s.append(' ').append(a.getKey()).append("='").append(a.getValue()).append('\'');
    }
    return s.append('>').toString();
  }

  @Override
  public String toString() {
    return tag() + "@" + line + ":" + column;
  }

  /** Collects one element while it is read; {@link #build()} freezes the tree. */
  static final class Builder {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Builder> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;
    final int column;

    Builder(String name, int line, int column) {
      this.name = name;
      this.line = line;
      this.column = column;
    }

    Element build() {
      return new Element(this, null);
    }
  }
}

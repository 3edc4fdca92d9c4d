// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a domain definition into {@link Element}s, refusing what a guest definition never needs
 * and an attacker would use: a DOCTYPE (so no entity of any kind), more than {@link #maxBytes}
 * bytes (read in a bounded buffer, never whole), nesting beyond {@link #maxDepth}, more than
 * {@link #maxElements} elements, and bytes that are not UTF-8 (libvirt reads UTF-8 only).
 */
public final class DomainXmlReader {
  /** libvirt's own limit for an XML document it reads is 10 MB (virFileReadAll callers). */
  public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 64;
  public static final int DEFAULT_MAX_ELEMENTS = 200_000;

  private static final XMLInputFactory FACTORY = newFactory();

  private final int maxBytes;
  private final int maxDepth;
  private final int maxElements;

  public DomainXmlReader() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS);
  }

  public DomainXmlReader(int maxBytes, int maxDepth, int maxElements) {
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.maxElements = maxElements;
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
      throw new XMLStreamException("external resource refused: " + systemId);
    });
    return f;
  }

  public DomainDefinition read(Path file) throws DomainXmlException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public DomainDefinition read(InputStream in) throws DomainXmlException, IOException {
    return parse(decode(readBounded(in)));
  }

  public DomainDefinition read(String xml) throws DomainXmlException {
    if (xml.length() > maxBytes) {
      throw new DomainXmlException("document exceeds " + maxBytes + " bytes", 0, 0);
    }
    return parse(xml);
  }

  private byte[] readBounded(InputStream in) throws IOException, DomainXmlException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + n > maxBytes) {
        throw new DomainXmlException("document exceeds " + maxBytes
            + " bytes; a domain definition is far smaller", 0, 0);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String decode(byte[] bytes) throws DomainXmlException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = d.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int col = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          col = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          col++;
        }
      }
      throw new DomainXmlException(String.format(
          "invalid UTF-8: byte 0x%02x at offset %d; a domain definition must be UTF-8",
          bytes[at] & 0xff, at), line, col);
    }
    try {
      d.flush(out);
    } catch (IllegalStateException e) {
      throw new DomainXmlException("invalid UTF-8 at the end of the document", 0, 0);
    }
    out.flip();
    return out.toString();
  }

  private DomainDefinition parse(String xml) throws DomainXmlException {
    XMLStreamReader r;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(xml));
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
    Deque<Element.Builder> open = new ArrayDeque<>();
    LineIndex lines = new LineIndex(xml);
    Element.Builder root = null;
    int elements = 0;
    try {
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.DTD -> {
            Location l = r.getLocation();
            throw new DomainXmlException("DOCTYPE refused: a domain definition needs no DTD or "
                + "entity declarations", l.getLineNumber(), l.getColumnNumber());
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> {
            Location l = r.getLocation();
            throw new DomainXmlException("entity reference &" + r.getLocalName()
                + "; refused: only XML's predefined entities are allowed",
                l.getLineNumber(), l.getColumnNumber());
          }
          case XMLStreamConstants.START_ELEMENT -> {
            Location l = r.getLocation();
            if (open.size() >= maxDepth) {
              throw new DomainXmlException("elements nested deeper than " + maxDepth
                  + " levels at <" + r.getLocalName() + ">", l.getLineNumber(),
                      l.getColumnNumber());
            }
            if (++elements > maxElements) {
              throw new DomainXmlException("more than " + maxElements + " elements",
                  l.getLineNumber(), l.getColumnNumber());
            }
            int[] start = lines.tagStart(l.getLineNumber(), l.getColumnNumber());
            Element.Builder b = new Element.Builder(r.getLocalName(), start[0], start[1]);
            for (int i = 0; i < r.getAttributeCount(); i++) {
              b.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            if (open.isEmpty()) {
              if (root != null) {
                throw new DomainXmlException("more than one root element", start[0], start[1]);
              }
              root = b;
            } else {
              open.peek().children.add(b);
            }
            open.push(b);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(r.getText());
            }
          }
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      throw wrap(e);
    }
    if (root == null) {
      throw new DomainXmlException("no root element: expected <domain>", 0, 0);
    }
    if (!root.name.equals("domain")) {
      throw new DomainXmlException("root element is <" + root.name + ">, expected <domain>",
          root.line, root.column);
    }
    return new DomainDefinition(root.build());
  }

  private static DomainXmlException wrap(XMLStreamException e) {
    Location l = e.getLocation();
    String msg = e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message alone.
    int m = msg == null ? -1 : msg.indexOf("Message: ");
    String text = m >= 0 ? msg.substring(m + 9) : String.valueOf(msg);
    return new DomainXmlException("not well-formed XML: " + text,
        l == null ? 0 : l.getLineNumber(), l == null ? 0 : l.getColumnNumber(), e);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.domcaps.model.xml.XmlCursor.quote;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.ReadResult;
import org.domcaps.model.Supported;

/**
 * The strict reader. Streams with the JDK's StAX parser configured to refuse DTDs and external
 * resources; the document's size is capped while it streams and its depth as it nests.
 */
final class DomainCapsReader {
  private static final List<String> TOP_LEVEL = List.of("path", "domain", "machine", "arch",
      "vcpu", "iothreads", "os", "cpu", "memoryBacking", "devices", "features");

  /**
   * Hardened factories not in use. Each keeps the stream reader it made last and reuses it for
   * the next document: building a Xerces reader (buffers, scanners, a symbol table that interns
   * every name afresh) costs more than parsing a typical document. A factory comes back only after
   * a document was accepted, so its symbol table holds only names the grammar allows; a refused
   * (possibly hostile) document takes its reader with it. At most this many stay idle.
   */
  private static final BlockingQueue<XMLInputFactory> IDLE =
      new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
  /** The JDK factory's switch for handing out its last reader again once that one is closed. */
  private static final String REUSE_INSTANCE = "reuse-instance";

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // Belt and braces: should the parser ever ask for an external resource, refuse it.
    f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
      throw new XMLStreamException("external resource " + systemId + " refused");
    });
    if (f.isPropertySupported(REUSE_INSTANCE)) {
      f.setProperty(REUSE_INSTANCE, true);
    }
    return f;
  }

  DomainCapabilities read(Reader in) throws DomainCapabilitiesParseException {
    return readWithWarnings(in).caps();
  }

  ReadResult readWithWarnings(Reader in) throws DomainCapabilitiesParseException {
    BoundedReader bounded = new BoundedReader(in, DomainCapabilitiesXml.MAX_DOCUMENT_CHARS);
    XMLInputFactory factory = IDLE.poll();
    if (factory == null) {
      factory = newFactory();
    }
    XMLStreamReader r = null;
    XmlCursor c = null;
    boolean accepted = false;
    try {
      r = factory.createXMLStreamReader(bounded);
      c = new XmlCursor(r, DomainCapabilitiesXml.MAX_DEPTH);
      String root = c.root();
      if (!root.equals("domainCapabilities")) {
        throw c.error("expected <domainCapabilities> as the root element");
      }
      DomainCapabilities caps = document(c);
      c.finish();
      accepted = true;
      return new ReadResult(caps, c.warnings());
    } catch (XMLStreamException e) {
      throw streamError(e, bounded, c);
    } catch (IllegalArgumentException e) {
      // A model invariant the grammar checks did not already catch.
      throw c == null ? new DomainCapabilitiesParseException(e.getMessage(), e)
          : c.error(e.getMessage());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing held beyond the caller's reader
        }
      }
      // The idle reader must not keep the caller's document alive.
      bounded.detach();
      if (accepted) {
        IDLE.offer(factory);
      }
    }
  }

  private static DomainCapabilitiesParseException streamError(
      XMLStreamException e, BoundedReader bounded, XmlCursor c) {
    String where = c == null ? "/" : c.pathString();
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
    if (bounded.exceeded()) {
      return new DomainCapabilitiesParseException(line, column, where,
          "document larger than " + DomainCapabilitiesXml.MAX_DOCUMENT_CHARS
              + " characters refused");
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    int i = msg.indexOf("Message: ");
    if (i >= 0) {
      msg = msg.substring(i + "Message: ".length());
    }
    return new DomainCapabilitiesParseException(line, column, where, "not well-formed XML: " + msg);
  }

  private DomainCapabilities document(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    DomainCapabilities.Builder b = DomainCapabilities.builder();
    Set<String> seen = new HashSet<>();
    while (c.nextChild()) {
      String name = c.name();
      // libvirt's format page writes <iothread>; libvirt prints <iothreads>.
      String key = name.equals("iothread") ? "iothreads" : name;
      if (!TOP_LEVEL.contains(key)) {
        c.keepUnknownElement("element <" + name + "> (known: " + String.join(", ", TOP_LEVEL)
            + ")");
        continue;
      }
      if (!seen.add(key)) {
        throw c.error("element appears twice");
      }
      switch (name) {
        case "path":
          b.path(nonEmptyText(c));
          break;
        case "domain":
          b.domain(nonEmptyText(c));
          break;
        case "machine":
          b.machine(nonEmptyText(c));
          break;
        case "arch":
          b.arch(nonEmptyText(c));
          break;
        case "vcpu":
          c.allowAttributes("max");
          b.vcpuMax(positive(c, "max"));
          c.end();
          break;
        case "iothreads":
        case "iothread":
          b.iothreads(simpleFlag(c));
          break;
        case "os":
          b.os(OsReader.os(c));
          break;
        case "cpu":
          b.cpu(CpuReader.cpu(c));
          break;
        case "memoryBacking":
          b.memoryBacking(EnumReader.capability(c));
          break;
        case "devices":
          b.devices(DevicesReader.devices(c));
          break;
        case "features":
          b.features(FeaturesReader.features(c));
          break;
        default:
          throw new IllegalStateException("unhandled top-level element " + name);
      }
    }
    for (String required : new String[] {"path", "domain", "arch"}) {
      if (!seen.contains(required)) {
        throw c.errorAt(c.leftPath(), "missing <" + required + ">");
      }
    }
    return b.unknown(c.unknownContent()).build();
  }

  private static int positive(XmlCursor c, String attr) throws DomainCapabilitiesParseException {
    String v = c.attribute(attr);
    int n = Scalars.unsignedInt(c, attr, v);
    if (n == 0) {
      throw c.attributeError(attr, "expected a positive integer but was " + quote(v));
    }
    return n;
  }

  static String nonEmptyText(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes();
    return c.text(true);
  }

  /** An empty element with only {@code supported}, e.g. {@code <genid supported='yes'/>}. */
  static Supported simpleFlag(XmlCursor c)
      throws DomainCapabilitiesParseException, XMLStreamException {
    c.allowAttributes("supported");
    Supported s = Scalars.supported(c);
    c.end();
    return s;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.domcaps.qemu.api.ErrorText;
import org.domcaps.hosts.cpu.CpuDef.Feature;
import org.domcaps.hosts.cpu.CpuDef.Policy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The CPU definitions in a file, found as virsh 9.0.0 finds them (vshExtractCPUDefXMLs): top-level
 * {@code <cpu>} elements, a domain's {@code <cpu>}, host capabilities' {@code <host><cpu>} and a
 * domain capabilities document's supported host-model, several in one file in document order;
 * each then read as libvirt reads a CPU definition (virCPUDefParseXML, type decided by
 * {@code <arch>}).
 */
public final class CpuXmlReader {
  /** virsh's VSH_MAX_XML_FILE. */
  private static final long MAX_FILE = 10L * 1024 * 1024;

  private CpuXmlReader() {}

  /**
   * One CPU element virsh found, not yet read: virsh finds them all, libvirt then reads each
   * (baseline: all, before asking the hypervisor; compare: the first, after asking it).
   */
  public static final class Source {
    private final Element element;
    private final boolean fromMode;
    private final String container;
    private final int index;

    private Source(Element element, boolean fromMode, String container, int index) {
      this.element = element;
      this.fromMode = fromMode;
      this.container = container;
      this.index = index;
    }

    /** The {@code <maxphysaddr limit>} (libvirt 11.3), 0 when there is none. */
    public long maxPhysAddrLimit() {
      Optional<Element> addr = first(element, "maxphysaddr");
      String limit = addr.map(a -> attr(a, "limit")).orElse(null);
      try {
        return limit == null ? 0 : Math.max(0, Long.parseLong(limit.strip()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    /** The definition, or libvirt's refusal of it. */
    public CpuDef parse() throws CpuException {
      return definition(element, fromMode);
    }

    /**
     * The definition, first validated against libvirt's CPU schema as libvirt does with {@code
     * --validate} (before reading anything else of it).
     */
    public CpuDef parseValidated() throws CpuException {
      return parseValidated(CpuSchema.SCHEMA);
    }

    /** As {@link #parseValidated()} with the schema read from {@code cpuRng}. */
    CpuDef parseValidated(Path cpuRng) throws CpuException {
      CpuSchema.validate(container, index, cpuRng);
      return parse();
    }
  }

  /** Every definition in the file, read. */
  public static List<CpuDef> read(Path file) throws CpuException {
    List<CpuDef> out = new ArrayList<>();
    for (Source s : extract(file)) {
      out.add(s.parse());
    }
    return out;
  }

  /** The CPU elements virsh finds in the file, or virsh's refusal of it. */
  public static List<Source> extract(Path file) throws CpuException {
    return extract(text(file), file.toString());
  }

  /** The text of {@code file} as virsh reads it (virFileReadAll: at most 10 MiB). */
  public static String text(Path file) throws CpuException {
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new CpuException("File '" + file + "' is larger than " + MAX_FILE + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CpuException("Failed to open file '" + file + "': " + ErrorText.of(e));
    }
  }

  /** The CPU elements virsh finds in {@code text}, named {@code fileName} in messages. */
  public static List<Source> extract(String text, String fileName) throws CpuException {
    String body = text;
    if (body.startsWith("<?xml")) {
      int end = body.indexOf("?>");
      if (end >= 0) {
        body = body.substring(end + 2);
      }
    }
    String container = "<container>" + body + "</container>";
    Document doc = parseXml(container, fileName);
    List<Element> nodes = new ArrayList<>();
    collect(doc.getDocumentElement(), nodes);
    if (nodes.isEmpty()) {
      throw new CpuException("File '" + fileName + "' does not contain any <cpu> element or valid"
          + " domain XML, host capabilities XML, or domain capabilities XML");
    }
    List<Source> cpus = new ArrayList<>();
    for (Element e : nodes) {
      cpus.add(new Source(e, e.getTagName().equals("mode"), container, cpus.size()));
    }
    return cpus;
  }

  /**
   * Depth-first, so that the elements come in document order as XPath returns a union:
   * /container/cpu | domain/cpu | capabilities/host/cpu | domainCapabilities/cpu/mode[host-model].
   */
  private static void collect(Element container, List<Element> out) {
    for (Element top : children(container)) {
      switch (top.getTagName()) {
        case "cpu" -> out.add(top);
        case "domain" -> children(top).stream().filter(e -> e.getTagName().equals("cpu"))
            .forEach(out::add);
        case "capabilities" -> {
          for (Element host : children(top)) {
            if (host.getTagName().equals("host")) {
              children(host).stream().filter(e -> e.getTagName().equals("cpu")).forEach(out::add);
            }
          }
        }
        case "domainCapabilities" -> {
          for (Element cpu : children(top)) {
            if (!cpu.getTagName().equals("cpu")) {
              continue;
            }
            for (Element mode : children(cpu)) {
              if (mode.getTagName().equals("mode") && "host-model".equals(attr(mode, "name"))
                  && "yes".equals(attr(mode, "supported"))) {
                out.add(mode);
              }
            }
          }
        }
        default -> { }
      }
    }
  }

  /** virCPUDefParseXML with type auto; {@code fromMode}: a host-model mode, attributes dropped. */
  static CpuDef definition(Element cpu, boolean fromMode) throws CpuException {
    boolean host = first(cpu, "arch").isPresent();
    String matchAttr = fromMode ? null : attr(cpu, "match");
    String modeAttr = fromMode ? null : attr(cpu, "mode");
    if (host && matchAttr != null) {
      throw new CpuException("XML error: 'arch' element cannot be used inside 'cpu' element with"
          + " 'match' attribute'");
    }
    CpuDef.Type type = host ? CpuDef.Type.HOST : CpuDef.Type.GUEST;
    CpuDef.Mode mode = CpuDef.Mode.CUSTOM;
    if (modeAttr != null) {
      if (host) {
        throw new CpuException(
            "unsupported configuration: Attribute mode is only allowed for guest CPU");
      }
      mode = null;
      for (CpuDef.Mode m : CpuDef.Mode.values()) {
        if (m.xml.equals(modeAttr)) {
          mode = m;
        }
      }
      if (mode == null) {
        throw new CpuException("unsupported configuration: Invalid mode attribute '"
            + modeAttr + "'");
      }
    }
    CpuDef.Match match = CpuDef.Match.EXACT;
    if (!host && matchAttr != null) {
      match = switch (matchAttr) {
        case "exact" -> CpuDef.Match.EXACT;
        case "minimum" -> CpuDef.Match.MINIMUM;
        case "strict" -> CpuDef.Match.STRICT;
        default ->
            throw new CpuException("XML error: Invalid value for attribute 'match' in element"
            + " 'cpu': '" + matchAttr + "'. Expected one of 'exact', 'minimum', 'strict'");
      };
    }
    Optional<String> arch = first(cpu, "arch").map(Element::getTextContent);
    Optional<Element> modelEl = first(cpu, "model");
    Optional<String> model = modelEl.map(Element::getTextContent).filter(s -> !s.isEmpty());
    if (host && model.isEmpty()) {
      throw new CpuException("XML error: Missing CPU model name");
    }
    CpuDef.Fallback fallback = CpuDef.Fallback.ALLOW;
    Optional<String> vendorId = Optional.empty();
    if (!host && mode != CpuDef.Mode.HOST_PASSTHROUGH && mode != CpuDef.Mode.MAXIMUM
        && modelEl.isPresent()) {
      String fb = attr(modelEl.get(), "fallback");
      if (fb != null && !fb.isEmpty()) {
        fallback = switch (fb) {
          case "allow" -> CpuDef.Fallback.ALLOW;
          case "forbid" -> CpuDef.Fallback.FORBID;
          default ->
              throw new CpuException("unsupported configuration: Invalid fallback attribute");
        };
      }
      String vid = attr(modelEl.get(), "vendor_id");
      if (vid != null && !vid.isEmpty()) {
        if (vid.length() != 12) {
          throw new CpuException("XML error: vendor_id must be exactly 12 characters long");
        }
        if (vid.contains(",")) {
          throw new CpuException("XML error: vendor id is invalid");
        }
        vendorId = Optional.of(vid);
      }
    }
    Optional<String> vendor = first(cpu, "vendor").map(Element::getTextContent)
        .filter(s -> !s.isEmpty());
    if (vendor.isPresent() && model.isEmpty()) {
      throw new CpuException("XML error: CPU vendor specified without CPU model");
    }
    List<Element> featureEls = children(cpu).stream().filter(e -> e.getTagName().equals("feature"))
        .toList();
    if (!featureEls.isEmpty() && model.isEmpty() && mode == CpuDef.Mode.CUSTOM) {
      throw new CpuException("XML error: Non-empty feature list specified without CPU model");
    }
    List<Feature> features = new ArrayList<>();
    for (Element f : featureEls) {
      Policy policy = Policy.REQUIRE;
      if (!host) {
        String p = attr(f, "policy");
        if (p != null) {
          policy = null;
          for (Policy candidate : Policy.values()) {
            if (candidate.xml().equals(p)) {
              policy = candidate;
            }
          }
          if (policy == null) {
            throw new CpuException("unsupported configuration: Invalid CPU feature policy");
          }
        }
      }
      String name = attr(f, "name");
      if (name == null || name.isEmpty()) {
        throw new CpuException("XML error: Invalid CPU feature name");
      }
      for (Feature earlier : features) {
        if (earlier.name().equals(name)) {
          throw new CpuException("XML error: CPU feature '" + name + "' specified more than once");
        }
      }
      features.add(new Feature(name, policy));
    }
    return new CpuDef(type, mode, match, arch, model, fallback, vendorId, vendor, features);
  }

  private static Document parseXml(String xml, String fileName) throws CpuException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new CpuException("(" + fileName + "): malformed XML: " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new CpuException("cannot read " + fileName + ": " + e.getMessage());
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static Optional<Element> first(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
  }

  /** An attribute's value, null when absent. */
  private static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }
}

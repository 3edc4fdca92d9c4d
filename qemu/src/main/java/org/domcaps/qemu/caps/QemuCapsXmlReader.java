// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import org.domcaps.model.LibvirtVersion;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a capability-cache document (virQEMUCapsLoadCache). StAX with DTDs and external entities
 * disabled; every error names line:column and what was expected.
 */
final class QemuCapsXmlReader {
  /** The host CPUID block, kept verbatim (without the cache's indentation). */
  private static final Pattern CPUDATA =
      Pattern.compile("(?m)^([ \\t]*)(<cpudata[\\s>][\\s\\S]*?</cpudata>)[ \\t]*$");

  private final XMLStreamReader r;
  private final String source;
  private final QemuCaps.Builder b = QemuCaps.builder();
  private final Map<Accel, Record> records = new EnumMap<>(Accel.class);
  private final List<GicCapability> gic = new ArrayList<>();
  private String arch;
  private final List<String> flags = new ArrayList<>();

  private static final class Record {
    HostCpuExpansion hostCpu;
    final List<CpuDefinition> cpus = new ArrayList<>();
    final List<MachineType> machines = new ArrayList<>();
  }

  private QemuCapsXmlReader(XMLStreamReader r, String source) {
    this.r = r;
    this.source = source;
  }

  static QemuCaps read(String xml, String source) throws QemuCapsFormatException {
    // The JDK's own factory: no service lookup through the class path at start-up.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    try {
      XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
      QemuCapsXmlReader reader = new QemuCapsXmlReader(r, source);
      QemuCaps caps;
      try {
        caps = reader.document();
      } catch (IllegalArgumentException e) {
        // The model's own checks (a machine type without a name, ...; found by fuzzing).
        throw reader.error("invalid content: " + e.getMessage());
      }
      Matcher m = CPUDATA.matcher(xml);
      if (m.find()) {
        caps = caps.toBuilder().cpuDataXml(dedent(m.group(2), m.group(1).length())).build();
      }
      return caps;
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String where = l == null ? source : source + ":" + l.getLineNumber() + ":"
          + l.getColumnNumber();
      throw new QemuCapsFormatException(where + ": malformed XML: " + e.getMessage(), e);
    }
  }

  private QemuCaps document() throws XMLStreamException, QemuCapsFormatException {
    r.nextTag();
    if (!r.getLocalName().equals("qemuCaps")) {
      throw error("expected root element <qemuCaps> but was <" + r.getLocalName() + ">");
    }
    boolean[] seen = new boolean[6];
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      switch (name) {
        case "emulator" -> b.emulator(text());
        case "qemuctime" -> { b.qemuCtime(number(text(), name)); seen[0] = true; }
        case "qemumoddirmtime" -> b.qemuModDirMtime(number(text(), name));
        case "selfctime" -> { b.selfCtime(number(text(), name)); seen[1] = true; }
        case "selfvers" -> { b.selfVersion(number(text(), name)); seen[2] = true; }
        case "flag" -> flag();
        case "version" -> { b.version(number(text(), name)); seen[3] = true; }
        case "kvmVersion" -> { b.kvmVersion(number(text(), name)); seen[4] = true; }
        case "microcodeVersion" -> { b.microcodeVersion(number(text(), name)); seen[5] = true; }
        case "hostCPUSignature" -> b.hostCpuSignature(text());
        case "package" -> b.packageName(text());
        case "kernelVersion" -> b.kernelVersion(text());
        case "cpudata" -> skip();
        case "arch" -> { arch = text(); b.arch(arch); }
        case "hostCPU" -> hostCpu();
        case "cpu" -> cpu();
        case "machine" -> machine();
        case "gic" -> gic();
        case "sev" -> sev();
        case "sgx" -> sgx();
        case "hypervCapabilities" -> hyperv();
        case "kvmSupportsNesting" -> { b.kvmSupportsNesting(true); skip(); }
        case "kvmSupportsSecureGuest" -> { b.kvmSupportsSecureGuest(true); skip(); }
        default -> throw error("unexpected element <" + name + "> in <qemuCaps>");
      }
    }
    // libvirt 9.0 writes <kvmVersion>, later releases do not: the format names its release.
    LibvirtVersion release = seen[4] ? LibvirtVersion.V9_0 : LibvirtVersion.V11_3;
    b.libvirt(release);
    for (String f : flags) {
      if (!QemuCapsFlags.isKnown(release, f)) {
        throw error("unknown qemu capabilities flag \"" + f + "\" for libvirt " + release
            + " (the cache format of " + release + ": " + (seen[4] ? "with" : "without")
            + " <kvmVersion>)");
      }
    }
    String[] required = {"qemuctime", "selfctime", "selfvers", "version", "microcodeVersion"};
    int[] seenIndex = {0, 1, 2, 3, 5};
    for (int i = 0; i < required.length; i++) {
      if (!seen[seenIndex[i]]) {
        throw error("missing <" + required[i] + "> in <qemuCaps>");
      }
    }
    if (arch == null) {
      throw error("missing <arch> in <qemuCaps>");
    }
    records.forEach(
        (a, rec) -> b.accel(a, new AccelCaps(Optional.ofNullable(rec.hostCpu),
            release.equals(LibvirtVersion.V9_0) ? rec.cpus : renamedBlockers(rec.cpus, release),
            rec.machines)));
    b.gic(gic);
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw error(e.getMessage());
    }
  }

  /** Blockers were read with 9.0's names; a later release's table renames a few more. */
  private List<CpuDefinition> renamedBlockers(List<CpuDefinition> cpus, LibvirtVersion release) {
    List<CpuDefinition> out = new ArrayList<>();
    for (CpuDefinition d : cpus) {
      List<String> blockers = d.blockers().stream()
          .map(x -> CpuFeatureNames.fromQemu(arch, CpuFeatureNames.toQemu(arch, x), release))
          .toList();
      out.add(new CpuDefinition(d.name(), d.typeName(), d.usable(), blockers, d.deprecated()));
    }
    return out;
  }

  private void flag() throws XMLStreamException, QemuCapsFormatException {
    String n = required("name");
    if (!QemuCapsFlags.isKnown(n) && !QemuCapsFlags.isKnown(LibvirtVersion.V11_3, n)) {
      throw error("unknown qemu capabilities flag \"" + n + "\"");
    }
    flags.add(n);
    b.flag(n);
    skip();
  }

  private void hostCpu() throws XMLStreamException, QemuCapsFormatException {
    Record rec = record();
    String model = required("model");
    boolean migratability = yesNo("migratability", required("migratability"));
    List<HostCpuProperty> props = new ArrayList<>();
    List<String> deprecated = new ArrayList<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (r.getLocalName().equals("deprecatedFeatures")) {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
          expect("property");
          deprecated.add(required("name"));
          skip();
        }
        continue;
      }
      expect("property");
      String name = required("name");
      HostCpuProperty.Type type;
      try {
        type = HostCpuProperty.Type.fromXmlName(required("type"));
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage() + " (expected boolean, string or number)");
      }
      String value = required("value");
      if (type == HostCpuProperty.Type.BOOLEAN && !value.equals("true") && !value.equals("false")) {
        throw error("expected value 'true' or 'false' for boolean property " + name + " but was '"
            + value + "'");
      }
      if (type == HostCpuProperty.Type.NUMBER) {
        number(value, "property " + name);
      }
      String mig = r.getAttributeValue(null, "migratable");
      props.add(
          new HostCpuProperty(name, type, value, mig == null ? null : yesNo("migratable", mig)));
      skip();
    }
    rec.hostCpu = new HostCpuExpansion(model, migratability, props, deprecated);
  }

  private void cpu() throws XMLStreamException, QemuCapsFormatException {
    Record rec = record();
    String name = required("name");
    String typeName = r.getAttributeValue(null, "typename");
    String u = r.getAttributeValue(null, "usable");
    CpuDefinition.Usable usable = CpuDefinition.Usable.UNKNOWN;
    if (u != null) {
      usable = yesNo("usable", u) ? CpuDefinition.Usable.YES : CpuDefinition.Usable.NO;
    }
    boolean deprecated = optYes("deprecated");
    List<String> blockers = new ArrayList<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      expect("blocker");
      if (arch == null) {
        // Blocker names are translated per arch (fuzzing finding: a NullPointerException).
        throw error("<blocker> of CPU model '" + name + "' before <arch>: expected <arch> first");
      }
      blockers.add(CpuFeatureNames.fromQemu(arch, required("name")));
      skip();
    }
    rec.cpus.add(new CpuDefinition(name, typeName, usable, blockers, deprecated));
  }

  private void machine() throws XMLStreamException, QemuCapsFormatException {
    Record rec = record();
    String max = r.getAttributeValue(null, "maxCpus");
    MachineType m =
        new MachineType(
            required("name"),
            r.getAttributeValue(null, "alias"),
            optYes("hotplugCpus"),
            max == null ? 0 : (int) number(max, "maxCpus"),
            optYes("default"),
            r.getAttributeValue(null, "defaultCPU"),
            optYes("numaMemSupported"),
            r.getAttributeValue(null, "defaultRAMid"),
            optYes("deprecated"),
            r.getAttributeValue(null, "acpi") == null ? null
            : yesNo("acpi", r.getAttributeValue(null, "acpi")));
    rec.machines.add(m);
    skip();
  }

  private void gic() throws XMLStreamException, QemuCapsFormatException {
    gic.add(
        new GicCapability(
            (int) number(required("version"), "gic version"),
            yesNo("kernel", required("kernel")),
            yesNo("emulated", required("emulated"))));
    skip();
  }

  private void sev() throws XMLStreamException, QemuCapsFormatException {
    Long cbitpos = null;
    Long reduced = null;
    String pdh = null;
    String chain = null;
    String cpu0 = null;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String n = r.getLocalName();
      switch (n) {
        case "cbitpos" -> cbitpos = number(text(), n);
        case "reducedPhysBits" -> reduced = number(text(), n);
        case "pdh" -> pdh = text();
        case "certChain" -> chain = text();
        case "cpu0Id" -> cpu0 = text();
        default -> throw error("unexpected element <" + n + "> in <sev>");
      }
    }
    if (cbitpos == null || reduced == null || pdh == null || chain == null) {
      throw error("<sev> needs cbitpos, reducedPhysBits, pdh and certChain");
    }
    b.sev(new SevCapability(cbitpos.intValue(), reduced.intValue(), pdh, chain, 0, 0, cpu0));
  }

  private void sgx() throws XMLStreamException, QemuCapsFormatException {
    Boolean flc = null;
    Boolean sgx1 = null;
    Boolean sgx2 = null;
    Long size = null;
    List<SgxCapability.Section> sections = new ArrayList<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String n = r.getLocalName();
      switch (n) {
        case "flc" -> flc = yesNo(n, text());
        case "sgx1" -> sgx1 = yesNo(n, text());
        case "sgx2" -> sgx2 = yesNo(n, text());
        case "section_size" -> size = number(text(), n);
        case "sections" -> {
          while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            expect("section");
            sections.add(
                new SgxCapability.Section(
                    (int) number(required("node"), "section node"),
                    number(required("size"), "section size")));
            skip();
          }
        }
        default -> throw error("unexpected element <" + n + "> in <sgx>");
      }
    }
    if (flc == null || sgx1 == null || sgx2 == null || size == null) {
      throw error("<sgx> needs flc, sgx1, sgx2 and section_size");
    }
    b.sgx(new SgxCapability(flc, sgx1, sgx2, size, sections));
  }

  private void hyperv() throws XMLStreamException, QemuCapsFormatException {
    boolean supported = yesNo("supported", required("supported"));
    List<String> caps = new ArrayList<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      expect("cap");
      caps.add(required("name"));
      skip();
    }
    b.hyperv(new HypervCapability(supported, caps));
  }

  private Record record() throws QemuCapsFormatException {
    String t = required("type");
    try {
      return records.computeIfAbsent(Accel.fromXmlName(t), k -> new Record());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage() + " (expected kvm, hvf or tcg)");
    }
  }

  private void expect(String name) throws QemuCapsFormatException {
    if (!r.getLocalName().equals(name)) {
      throw error("expected <" + name + "> but was <" + r.getLocalName() + ">");
    }
  }

  private String required(String attr) throws QemuCapsFormatException {
    String v = r.getAttributeValue(null, attr);
    if (v == null) {
      throw error("missing attribute '" + attr + "' on <" + r.getLocalName() + ">");
    }
    return v;
  }

  private boolean optYes(String attr) throws QemuCapsFormatException {
    String v = r.getAttributeValue(null, attr);
    return v != null && yesNo(attr, v);
  }

  private boolean yesNo(String what, String v) throws QemuCapsFormatException {
    if (v.equals("yes")) {
      return true;
    }
    if (v.equals("no")) {
      return false;
    }
    throw error("expected 'yes' or 'no' for " + what + " but was '" + v + "'");
  }

  private long number(String v, String what) throws QemuCapsFormatException {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw error("expected an integer for " + what + " but was '" + v + "'");
    }
  }

  private String text() throws XMLStreamException {
    return r.getElementText();
  }

  /** Skips the rest of the current element, including children. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private QemuCapsFormatException error(String message) {
    Location l = r.getLocation();
    return new QemuCapsFormatException(
        source + ":" + l.getLineNumber() + ":" + l.getColumnNumber() + ": " + message);
  }

  private static String dedent(String block, int indent) {
    StringBuilder out = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      int cut = 0;
      while (cut < indent && cut < line.length()
          && (line.charAt(cut) == ' ' || line.charAt(cut) == '\t')) {
        cut++;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.substring(cut));
    }
    return out.toString();
  }
}

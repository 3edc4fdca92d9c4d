// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.CpuFeature;
import org.domcaps.model.CpuModel;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.EnumOrder;
import org.domcaps.model.Features;
import org.domcaps.model.HostModel;
import org.domcaps.model.LibvirtPrints;
import org.domcaps.model.LibvirtPrints.Part;
import org.domcaps.model.Loader;
import org.domcaps.model.MaxPhysAddr;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;
import org.domcaps.model.UnknownContent;
import org.domcaps.model.UnknownPart;
import org.domcaps.model.XmlNode;

/**
 * Prints the model as virDomainCapsFormat does: same order, two-space indent, single-quoted
 * attributes, trailing newline. Every string goes through libvirt's escaping; for the strings
 * libvirt prints raw this only differs on input libvirt would turn into broken XML.
 *
 * <p>Written "as read" (no release given), everything the model holds is printed, unknown content
 * in its place. Written as a release, only what that release's {@link LibvirtPrints} table holds
 * is printed, and no unknown content.
 */
final class DomainCapsWriter {
  private final StringBuilder out = new StringBuilder(8192);
  private final LibvirtPrints table;
  /** Null when writing as a release: unknown content is then left out. */
  private final UnknownContent unknown;
  /** True when unknown content must be placed: only then are element paths followed. */
  private final boolean tracking;
  private final List<Frame> frames = new ArrayList<>();
  private final Map<UnknownPart, Boolean> emitted = new IdentityHashMap<>();
  private int indent;

  /** An open element, when tracking: its path and the known children written so far. */
  private static final class Frame {
    final String path;
    final List<String> childNames = new ArrayList<>();
    final List<Integer> childCounts = new ArrayList<>();

    Frame(String path) {
      this.path = path;
    }

    int nextIndex(String child) {
      int i = childNames.indexOf(child);
      if (i < 0) {
        childNames.add(child);
        childCounts.add(1);
        return 1;
      }
      childCounts.set(i, childCounts.get(i) + 1);
      return childCounts.get(i);
    }
  }

  /** Writes everything the document holds, unknown content included. */
  DomainCapsWriter(UnknownContent unknown) {
    this.table = LibvirtPrints.newest();
    this.unknown = unknown;
    this.tracking = !unknown.isEmpty();
  }

  /** Writes what libvirt's release of {@code table} would print. */
  DomainCapsWriter(LibvirtPrints table) {
    this.table = table;
    this.unknown = null;
    this.tracking = false;
  }

  String write(DomainCapabilities caps) {
    start("domainCapabilities", null);
    open();
    text("path", caps.path());
    text("domain", caps.domain());
    caps.machine().ifPresent(m -> text("machine", m));
    text("arch", caps.arch());
    caps.vcpuMax().ifPresent(max -> {
      start("vcpu", null);
      attr("max", Integer.toString(max));
      empty();
    });
    simple("iothreads", caps.iothreads());
    os(caps.os());
    caps.cpu().ifPresent(this::cpu);
    capability("memoryBacking", caps.memoryBacking());
    devices(caps.devices());
    features(caps.features());
    close();
    return out.toString();
  }

  // ---- the element primitives: every element goes through start, attr and empty/open+close

  private StringBuilder line() {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
    return out;
  }

  /** Starts {@code <name}; {@code nameAttr} (the element's name attribute) is written too. */
  private void start(String name, String nameAttr) {
    start(name, nameAttr, true);
  }

  /**
   * Starts {@code <name}; {@code nameAttr}, the element's name attribute, places it, and is
   * written first when {@code writeName} (else the caller writes it in its place).
   */
  private void start(String name, String nameAttr, boolean writeName) {
    pendingName = name;
    line().append('<').append(name);
    if (tracking) {
      String step;
      if (nameAttr != null) {
        step = XmlCursor.step(name, nameAttr, 1);
      } else {
        step = frames.isEmpty() ? name
            : XmlCursor.step(name, null, frames.get(frames.size() - 1).nextIndex(name));
      }
      String parent = frames.isEmpty() ? "" : frames.get(frames.size() - 1).path;
      frames.add(new Frame(parent + "/" + step));
      unknownAttributes("");
    }
    if (nameAttr != null && writeName) {
      attr("name", nameAttr);
    }
  }

  private void attr(String name, String value) {
    out.append(' ').append(name).append("='");
    XmlText.escape(out, value);
    out.append('\'');
    if (tracking) {
      unknownAttributes(name);
    }
  }

  private void unknownAttributes(String after) {
    for (UnknownPart p : unknown.in(currentPath())) {
      if (p.isAttribute() && p.after().equals(after) && emitted.put(p, Boolean.TRUE) == null) {
        out.append(' ').append(p.attributeName()).append("='");
        XmlText.escape(out, p.attributeValue());
        out.append('\'');
      }
    }
  }

  private String currentPath() {
    return frames.get(frames.size() - 1).path;
  }

  private boolean hasUnknownElements() {
    if (!tracking) {
      return false;
    }
    for (UnknownPart p : unknown.in(currentPath())) {
      if (!p.isAttribute()) {
        return true;
      }
    }
    return false;
  }

  /** Ends the start tag of an element with children, and places unknown first children. */
  private void open() {
    openNames.add(pendingName);
    out.append(">\n");
    indent++;
    if (tracking) {
      unknownElements("");
    }
  }

  /** Ends an element printed empty ({@code />}), unless unknown content must go inside. */
  private void empty() {
    if (hasUnknownElements()) {
      open();
      close();
      return;
    }
    out.append("/>\n");
    left();
  }

  private void close() {
    if (tracking) {
      // Parts anchored to a child that is not printed (left out or removed) go last.
      for (UnknownPart p : unknown.in(currentPath())) {
        if (!p.isAttribute() && emitted.put(p, Boolean.TRUE) == null) {
          node(p.element());
        }
      }
    }
    indent--;
    line().append("</").append(openNames.remove(openNames.size() - 1)).append(">\n");
    left();
  }

  /** The element just finished: unknown siblings that followed it come next. */
  private void left() {
    if (tracking) {
      Frame f = frames.remove(frames.size() - 1);
      if (!frames.isEmpty()) {
        String step = f.path.substring(f.path.lastIndexOf('/') + 1);
        unknownElements(step);
      }
    }
  }

  private void unknownElements(String after) {
    for (UnknownPart p : unknown.in(currentPath())) {
      if (!p.isAttribute() && p.after().equals(after) && emitted.put(p, Boolean.TRUE) == null) {
        node(p.element());
      }
    }
  }

  private void node(XmlNode n) {
    line().append('<').append(n.name());
    for (Map.Entry<String, String> a : n.attributes()) {
      out.append(' ').append(a.getKey()).append("='");
      XmlText.escape(out, a.getValue());
      out.append('\'');
    }
    if (!n.children().isEmpty()) {
      out.append(">\n");
      indent++;
      n.children().forEach(this::node);
      indent--;
      line().append("</").append(n.name()).append(">\n");
    } else if (!n.text().isEmpty()) {
      out.append('>');
      XmlText.escape(out, n.text());
      out.append("</").append(n.name()).append(">\n");
    } else {
      out.append("/>\n");
    }
  }

  /** The element {@link #start} began last, and the open elements' names, for end tags. */
  private String pendingName;
  private final List<String> openNames = new ArrayList<>();

  // ---- libvirt's shapes

  private void text(String name, String value) {
    start(name, null);
    out.append('>');
    XmlText.escape(out, value);
    out.append("</").append(name).append(">\n");
    left();
  }

  private void simple(String name, Supported supported) {
    if (supported.isReported()) {
      start(name, null);
      attr("supported", supported.xmlValue());
      empty();
    }
  }

  /** FORMAT_PROLOGUE: true when the element is open and its children must follow. */
  private boolean prologue(String name, Supported supported) {
    if (supported == Supported.YES) {
      start(name, null);
      attr("supported", "yes");
      open();
      return true;
    }
    simple(name, supported);
    return false;
  }


  private void enums(String element, List<CapsEnum> enums) {
    List<String> printed = unknown == null ? table.enums(element) : null;
    for (CapsEnum e : EnumOrder.sorted(element, enums)) {
      if (printed == null) {
        capsEnum(e);
      } else if (printed.contains(e.name())) {
        // As the release prints it: its values only, in its order.
        capsEnum(CapsEnum.of(e.name(), table.printable(element, e)));
      }
    }
  }

  private void capsEnum(CapsEnum e) {
    start("enum", e.name());
    if (e.values().isEmpty()) {
      empty();
      return;
    }
    open();
    for (String v : e.values()) {
      text("value", v);
    }
    close();
  }

  private void capability(String name, Capability c) {
    if (prologue(name, c.supported())) {
      enums(name, c.enums());
      close();
    }
  }

  private void os(Os os) {
    if (prologue("os", os.supported())) {
      enums("os", os.enums());
      if (table.prints(Part.FIRMWARE_FEATURES)) {
        capability("firmwareFeatures", os.firmwareFeatures());
      }
      loader(os.loader());
      if (table.prints(Part.VARSTORE)) {
        simple("varstore", os.varstore());
      }
      close();
    }
  }

  private void loader(Loader loader) {
    if (prologue("loader", loader.supported())) {
      loader.values().forEach(v -> text("value", v));
      enums("loader", loader.enums());
      close();
    }
  }

  private void cpu(Cpu cpu) {
    start("cpu", null);
    open();
    migratableMode("host-passthrough", "hostPassthroughMigratable", cpu.hostPassthrough());
    migratableMode("maximum", "maximumMigratable", cpu.maximum());
    mode("host-model", cpu.hostModel().isPresent());
    if (cpu.hostModel().isPresent()) {
      hostModel(cpu.hostModel().get());
      close();
    }
    mode("custom", cpu.customSupported());
    if (cpu.customSupported()) {
      cpu.custom().forEach(this::customModel);
      close();
    }
    close();
  }

  /** {@code <mode name='..' supported='..'>}: open (true) or already ended empty. */
  private boolean mode(String name, boolean supported) {
    start("mode", name);
    attr("supported", supported ? "yes" : "no");
    if (!supported) {
      empty();
      return false;
    }
    open();
    return true;
  }

  private void migratableMode(String mode, String enumName, MigratableMode m) {
    start("mode", mode);
    attr("supported", m.supported() ? "yes" : "no");
    if (m.migratable().isEmpty()) {
      empty();
      return;
    }
    open();
    capsEnum(CapsEnum.of(enumName, m.migratable().get()));
    close();
  }

  private void hostModel(HostModel h) {
    start("model", null);
    attr("fallback", h.fallback());
    if (h.vendorId().isPresent()) {
      attr("vendor_id", h.vendorId().get());
    }
    out.append('>');
    XmlText.escape(out, h.model());
    out.append("</model>\n");
    left();
    h.vendor().ifPresent(v -> text("vendor", v));
    if (h.maxPhysAddr().isPresent() && table.prints(Part.MAX_PHYS_ADDR)) {
      MaxPhysAddr m = h.maxPhysAddr().get();
      start("maxphysaddr", null);
      attr("mode", m.mode());
      m.bits().ifPresent(b -> attr("bits", Integer.toString(b)));
      m.limit().ifPresent(l -> attr("limit", Integer.toString(l)));
      empty();
    }
    for (CpuFeature f : h.features()) {
      start("feature", f.name(), false);
      attr("policy", f.policy());
      attr("name", f.name());
      empty();
    }
  }

  private void customModel(CpuModel m) {
    start("model", null);
    attr("usable", m.usable().xmlValue());
    if (m.deprecated()) {
      attr("deprecated", "yes");
    }
    attr("vendor", m.vendor());
    if (m.canonical().isPresent() && table.prints(Part.CANONICAL)) {
      attr("canonical", m.canonical().get());
    }
    out.append('>');
    XmlText.escape(out, m.name());
    out.append("</model>\n");
    left();
    if (!m.blockers().isEmpty() && table.prints(Part.BLOCKERS)) {
      start("blockers", null);
      attr("model", m.name());
      open();
      for (String f : m.blockers()) {
        start("feature", f);
        empty();
      }
      close();
    }
  }

  private void devices(Devices d) {
    start("devices", null);
    open();
    List<Capability> all = d.inOrder();
    List<String> printed = table.devices();
    for (int i = 0; i < all.size(); i++) {
      String name = Devices.NAMES.get(i);
      if (printed.contains(name)) {
        capability(name, all.get(i));
      }
    }
    close();
  }

  private void features(Features f) {
    boolean unknownInside = tracking && !unknown.in("/domainCapabilities/features").isEmpty();
    if (!f.anyReported() && !unknownInside) {
      return; // virXMLFormatElement drops an element with neither attributes nor children
    }
    start("features", null);
    open();
    List<String> printed = table.features();
    for (String name : printed) {
      switch (name) {
        case "gic":
          capability("gic", f.gic());
          break;
        case "sev":
          sev(f.sev());
          break;
        case "sgx":
          sgx(f.sgx());
          break;
        case "hyperv":
          hyperv(f);
          break;
        case "launchSecurity":
          capability("launchSecurity", f.launchSecurity());
          break;
        default:
          simple(name, f.flag(name));
      }
    }
    close();
  }

  private void hyperv(Features f) {
    if (!prologue("hyperv", f.hyperv().supported())) {
      return;
    }
    enums("hyperv", f.hyperv().enums());
    if (f.hypervDefaults().isPresent() && table.prints(Part.HYPERV_DEFAULTS)) {
      Map<String, String> entries = f.hypervDefaults().get().entries();
      start("defaults", null);
      if (entries.isEmpty()) {
        empty();
      } else {
        open();
        entries.forEach(this::text);
        close();
      }
    }
    close();
  }

  private void sev(Sev sev) {
    if (!prologue("sev", sev.supported())) {
      return;
    }
    sev.cbitpos().ifPresent(v -> text("cbitpos", Integer.toString(v)));
    sev.reducedPhysBits().ifPresent(v -> text("reducedPhysBits", Integer.toString(v)));
    sev.maxGuests().ifPresent(v -> text("maxGuests", Integer.toString(v)));
    sev.maxESGuests().ifPresent(v -> text("maxESGuests", Integer.toString(v)));
    if (table.prints(Part.SEV_CPU0_ID)) {
      sev.cpu0Id().ifPresent(v -> text("cpu0Id", v));
    }
    close();
  }

  private void sgx(Sgx sgx) {
    if (!prologue("sgx", sgx.supported())) {
      return;
    }
    text("flc", sgx.flc() ? "yes" : "no");
    text("sgx1", sgx.sgx1() ? "yes" : "no");
    text("sgx2", sgx.sgx2() ? "yes" : "no");
    start("section_size", null);
    attr("unit", "KiB");
    out.append('>').append(Long.toUnsignedString(sgx.sectionSizeKiB())).append("</section_size>\n");
    left();
    if (!sgx.sections().isEmpty()) {
      start("sections", null);
      open();
      for (SgxSection s : sgx.sections()) {
        start("section", null);
        attr("node", Integer.toString(s.node()));
        attr("size", Long.toUnsignedString(s.sizeKiB()));
        attr("unit", "KiB");
        empty();
      }
      close();
    }
    close();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.util.List;
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
import org.domcaps.model.Loader;
import org.domcaps.model.MigratableMode;
import org.domcaps.model.Os;
import org.domcaps.model.Sev;
import org.domcaps.model.Sgx;
import org.domcaps.model.SgxSection;
import org.domcaps.model.Supported;

/**
 * Prints the model as virDomainCapsFormat does: same order, two-space indent, single-quoted
 * attributes, trailing newline. Every string goes through libvirt's escaping; for the strings
 * libvirt prints raw this only differs on input libvirt would turn into broken XML.
 */
final class DomainCapsWriter {
  private final StringBuilder out = new StringBuilder(8192);
  private int indent;

  String write(DomainCapabilities caps) {
    open("<domainCapabilities>");
    element("path", caps.path());
    element("domain", caps.domain());
    caps.machine().ifPresent(m -> element("machine", m));
    element("arch", caps.arch());
    caps.vcpuMax().ifPresent(max -> line().append("<vcpu max='").append(max).append("'/>\n"));
    simple("iothreads", caps.iothreads());
    os(caps.os());
    caps.cpu().ifPresent(this::cpu);
    capability("memoryBacking", caps.memoryBacking());
    devices(caps.devices());
    features(caps.features());
    close("</domainCapabilities>");
    return out.toString();
  }

  private StringBuilder line() {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
    return out;
  }

  private void open(String tag) {
    line().append(tag).append('\n');
    indent++;
  }

  private void close(String tag) {
    indent--;
    line().append(tag).append('\n');
  }

  private StringBuilder text(String s) {
    XmlText.escape(out, s);
    return out;
  }

  private void element(String name, String value) {
    line().append('<').append(name).append('>');
    text(value).append("</").append(name).append(">\n");
  }

  private void simple(String name, Supported supported) {
    if (supported.isReported()) {
      line().append('<').append(name).append(" supported='").append(supported.xmlValue())
          .append("'/>\n");
    }
  }

  /** FORMAT_PROLOGUE: true when the element is open and its children must follow. */
  private boolean prologue(String name, Supported supported) {
    if (supported == Supported.YES) {
      open("<" + name + " supported='yes'>");
      return true;
    }
    simple(name, supported);
    return false;
  }

  private void enums(String element, List<CapsEnum> enums) {
    for (CapsEnum e : EnumOrder.sorted(element, enums)) {
      capsEnum(e);
    }
  }

  private void capsEnum(CapsEnum e) {
    line().append("<enum name='");
    text(e.name());
    if (e.values().isEmpty()) {
      out.append("'/>\n");
      return;
    }
    out.append("'>\n");
    indent++;
    for (String v : e.values()) {
      element("value", v);
    }
    close("</enum>");
  }

  private void capability(String name, Capability c) {
    if (prologue(name, c.supported())) {
      enums(name, c.enums());
      close("</" + name + ">");
    }
  }

  private void os(Os os) {
    if (prologue("os", os.supported())) {
      enums("os", os.enums());
      loader(os.loader());
      close("</os>");
    }
  }

  private void loader(Loader loader) {
    if (prologue("loader", loader.supported())) {
      loader.values().forEach(v -> element("value", v));
      enums("loader", loader.enums());
      close("</loader>");
    }
  }

  private void cpu(Cpu cpu) {
    open("<cpu>");
    migratableMode("host-passthrough", "hostPassthroughMigratable", cpu.hostPassthrough());
    migratableMode("maximum", "maximumMigratable", cpu.maximum());
    if (cpu.hostModel().isPresent()) {
      open("<mode name='host-model' supported='yes'>");
      hostModel(cpu.hostModel().get());
      close("</mode>");
    } else {
      line().append("<mode name='host-model' supported='no'/>\n");
    }
    if (cpu.customSupported()) {
      open("<mode name='custom' supported='yes'>");
      cpu.custom().forEach(this::customModel);
      close("</mode>");
    } else {
      line().append("<mode name='custom' supported='no'/>\n");
    }
    close("</cpu>");
  }

  private void migratableMode(String mode, String enumName, MigratableMode m) {
    line().append("<mode name='").append(mode).append("' supported='")
        .append(m.supported() ? "yes" : "no").append('\'');
    if (m.migratable().isEmpty()) {
      out.append("/>\n");
      return;
    }
    out.append(">\n");
    indent++;
    capsEnum(CapsEnum.of(enumName, m.migratable().get()));
    close("</mode>");
  }

  private void hostModel(HostModel h) {
    line().append("<model fallback='");
    text(h.fallback()).append('\'');
    if (h.vendorId().isPresent()) {
      out.append(" vendor_id='");
      text(h.vendorId().get()).append('\'');
    }
    out.append('>');
    text(h.model()).append("</model>\n");
    h.vendor().ifPresent(v -> element("vendor", v));
    for (CpuFeature f : h.features()) {
      line().append("<feature policy='");
      text(f.policy()).append("' name='");
      text(f.name()).append("'/>\n");
    }
  }

  private void customModel(CpuModel m) {
    line().append("<model usable='").append(m.usable().xmlValue()).append('\'');
    if (m.deprecated()) {
      out.append(" deprecated='yes'");
    }
    out.append(" vendor='");
    text(m.vendor()).append("'>");
    text(m.name()).append("</model>\n");
  }

  private void devices(Devices d) {
    open("<devices>");
    List<Capability> all = d.inOrder();
    for (int i = 0; i < all.size(); i++) {
      capability(Devices.NAMES.get(i), all.get(i));
    }
    close("</devices>");
  }

  private void features(Features f) {
    if (!f.anyReported()) {
      return; // virXMLFormatElement drops an element with neither attributes nor children
    }
    open("<features>");
    capability("gic", f.gic());
    simple("vmcoreinfo", f.vmcoreinfo());
    simple("genid", f.genid());
    simple("backingStoreInput", f.backingStoreInput());
    simple("backup", f.backup());
    simple("s390-pv", f.s390Pv());
    sev(f.sev());
    sgx(f.sgx());
    capability("hyperv", f.hyperv());
    close("</features>");
  }

  private void sev(Sev sev) {
    if (!prologue("sev", sev.supported())) {
      return;
    }
    sev.cbitpos().ifPresent(v -> number("cbitpos", v));
    sev.reducedPhysBits().ifPresent(v -> number("reducedPhysBits", v));
    sev.maxGuests().ifPresent(v -> number("maxGuests", v));
    sev.maxESGuests().ifPresent(v -> number("maxESGuests", v));
    sev.cpu0Id().ifPresent(v -> element("cpu0Id", v));
    close("</sev>");
  }

  private void number(String name, int value) {
    line().append('<').append(name).append('>').append(value).append("</").append(name)
        .append(">\n");
  }

  private void sgx(Sgx sgx) {
    if (!prologue("sgx", sgx.supported())) {
      return;
    }
    element("flc", sgx.flc() ? "yes" : "no");
    element("sgx1", sgx.sgx1() ? "yes" : "no");
    element("sgx2", sgx.sgx2() ? "yes" : "no");
    line().append("<section_size unit='KiB'>")
        .append(Long.toUnsignedString(sgx.sectionSizeKiB())).append("</section_size>\n");
    if (!sgx.sections().isEmpty()) {
      open("<sections>");
      for (SgxSection s : sgx.sections()) {
        line().append("<section node='").append(s.node()).append("' size='")
            .append(Long.toUnsignedString(s.sizeKiB())).append("' unit='KiB'/>\n");
      }
      close("</sections>");
    }
    close("</sgx>");
  }
}

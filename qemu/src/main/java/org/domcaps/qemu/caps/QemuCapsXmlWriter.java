// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import org.domcaps.model.LibvirtVersion;

import static org.domcaps.model.xml.XmlText.escape;

/**
 * Writes the capability cache the way virQEMUCapsFormatCache does: two-space indentation,
 * single-quoted attributes, and libvirt's escaping only where libvirt escapes (some values, such
 * as the package string, are written raw by libvirt and so are here).
 */
final class QemuCapsXmlWriter {
  private final StringBuilder sb = new StringBuilder();

  private QemuCapsXmlWriter() {}

  static String write(QemuCaps caps) {
    QemuCapsXmlWriter w = new QemuCapsXmlWriter();
    w.caps(caps);
    return w.sb.toString();
  }

  private void caps(QemuCaps c) {
    sb.append("<qemuCaps>\n");
    line(1, "<emulator>" + escape(c.emulator()) + "</emulator>");
    line(1, "<qemuctime>" + c.qemuCtime() + "</qemuctime>");
    c.qemuModDirMtime()
        .filter(m -> m > 0)
        .ifPresent(m -> line(1, "<qemumoddirmtime>" + m + "</qemumoddirmtime>"));
    line(1, "<selfctime>" + c.selfCtime() + "</selfctime>");
    line(1, "<selfvers>" + c.selfVersion() + "</selfvers>");
    for (String flag : QemuCapsFlags.names(c.libvirt())) {
      if (c.has(flag)) {
        line(1, "<flag name='" + flag + "'/>");
      }
    }
    line(1, "<version>" + c.version() + "</version>");
    if (!c.libvirt().atLeast(LibvirtVersion.V11_3)) {
      line(1, "<kvmVersion>" + c.kvmVersion() + "</kvmVersion>"); // dropped after 9.0
    }
    line(1, "<microcodeVersion>" + c.microcodeVersion() + "</microcodeVersion>");
    c.hostCpuSignature()
        .ifPresent(s -> line(1, "<hostCPUSignature>" + escape(s) + "</hostCPUSignature>"));
    c.packageName().ifPresent(p -> line(1, "<package>" + p + "</package>"));
    c.kernelVersion().ifPresent(k -> line(1, "<kernelVersion>" + k + "</kernelVersion>"));
    c.cpuDataXml().ifPresent(d -> d.lines().forEach(l -> line(1, l)));
    line(1, "<arch>" + c.arch() + "</arch>");
    if (c.has("kvm")) {
      accel(c, Accel.KVM);
    }
    if (c.has("hvf")) {
      accel(c, Accel.HVF);
    }
    accel(c, Accel.TCG);
    for (GicCapability g : c.gic()) {
      line(1, "<gic version='" + g.version() + "' kernel='" + yesNo(g.kernel()) + "' emulated='"
          + yesNo(g.emulated()) + "'/>");
    }
    c.sev().ifPresent(this::sev);
    c.sgx().ifPresent(this::sgx);
    c.hyperv().ifPresent(this::hyperv);
    if (c.kvmSupportsNesting()) {
      line(1, "<kvmSupportsNesting/>");
    }
    if (c.kvmSupportsSecureGuest()) {
      line(1, "<kvmSupportsSecureGuest/>");
    }
    sb.append("</qemuCaps>\n");
  }

  private void accel(QemuCaps c, Accel a) {
    AccelCaps r = c.accel(a);
    String type = a.xmlName();
    r.hostCpu().ifPresent(h -> {
      line(1, "<hostCPU type='" + type + "' model='" + h.model() + "' migratability='"
          + yesNo(h.migratability()) + "'>");
      for (HostCpuProperty p : h.properties()) {
        StringBuilder e = new StringBuilder();
        e.append("<property name='").append(p.name()).append("' type='").append(p.type().xmlName())
            .append("' value='")
            .append(p.type() == HostCpuProperty.Type.STRING ? escape(p.value()) : p.value())
            .append('\'');
        if (p.migratable() != null) {
          e.append(" migratable='").append(yesNo(p.migratable())).append('\'');
        }
        line(2, e.append("/>").toString());
      }
      if (!h.deprecatedProperties().isEmpty()) {
        line(2, "<deprecatedFeatures>");
        for (String d : h.deprecatedProperties()) {
          line(3, "<property name='" + d + "'/>");
        }
        line(2, "</deprecatedFeatures>");
      }
      line(1, "</hostCPU>");
    });
    for (CpuDefinition d : r.cpuDefinitions()) {
      StringBuilder e = new StringBuilder();
      e.append("<cpu type='").append(type).append("' name='").append(escape(d.name())).append('\'');
      if (d.typeName() != null) {
        e.append(" typename='").append(escape(d.typeName())).append('\'');
      }
      if (d.usable() != CpuDefinition.Usable.UNKNOWN) {
        e.append(" usable='").append(d.usable() == CpuDefinition.Usable.YES ? "yes" : "no")
            .append('\'');
      }
      if (d.deprecated()) {
        e.append(" deprecated='yes'");
      }
      if (d.blockers().isEmpty()) {
        line(1, e.append("/>").toString());
      } else {
        line(1, e.append('>').toString());
        for (String b : d.blockers()) {
          line(2, "<blocker name='" + CpuFeatureNames.toQemu(c.arch(), b, c.libvirt()) + "'/>");
        }
        line(1, "</cpu>");
      }
    }
    for (MachineType m : r.machines()) {
      StringBuilder e = new StringBuilder();
      e.append("<machine type='").append(type).append("' name='").append(escape(m.name()))
          .append('\'');
      if (m.alias() != null) {
        e.append(" alias='").append(escape(m.alias())).append('\'');
      }
      if (m.hotplugCpus()) {
        e.append(" hotplugCpus='yes'");
      }
      e.append(" maxCpus='").append(Integer.toUnsignedString(m.maxCpus())).append('\'');
      if (m.isDefault()) {
        e.append(" default='yes'");
      }
      if (m.defaultCpuType() != null) {
        e.append(" defaultCPU='").append(escape(m.defaultCpuType())).append('\'');
      }
      if (m.numaMemSupported()) {
        e.append(" numaMemSupported='yes'");
      }
      if (m.defaultRamId() != null) {
        e.append(" defaultRAMid='").append(escape(m.defaultRamId())).append('\'');
      }
      if (m.deprecated()) {
        e.append(" deprecated='yes'");
      }
      if (m.acpi() != null) {
        e.append(" acpi='").append(yesNo(m.acpi())).append('\'');
      }
      line(1, e.append("/>").toString());
    }
  }

  private void sev(SevCapability s) {
    line(1, "<sev>");
    line(2, "<cbitpos>" + Integer.toUnsignedString(s.cbitpos()) + "</cbitpos>");
    line(2, "<reducedPhysBits>" + Integer.toUnsignedString(s.reducedPhysBits())
        + "</reducedPhysBits>");
    if (s.pdh() != null) {
      line(2, "<pdh>" + escape(s.pdh()) + "</pdh>");
    }
    if (s.certChain() != null) {
      line(2, "<certChain>" + escape(s.certChain()) + "</certChain>");
    }
    if (s.cpu0Id() != null) {
      line(2, "<cpu0Id>" + escape(s.cpu0Id()) + "</cpu0Id>");
    }
    line(1, "</sev>");
  }

  private void sgx(SgxCapability s) {
    line(1, "<sgx supported='yes'>");
    line(2, "<flc>" + yesNo(s.flc()) + "</flc>");
    line(2, "<sgx1>" + yesNo(s.sgx1()) + "</sgx1>");
    line(2, "<sgx2>" + yesNo(s.sgx2()) + "</sgx2>");
    line(2, "<section_size unit='KiB'>" + s.sectionSizeKiB() + "</section_size>");
    if (!s.sections().isEmpty()) {
      line(2, "<sections>");
      for (SgxCapability.Section sec : s.sections()) {
        line(3, "<section node='" + sec.node() + "' size='" + sec.sizeKiB() + "' unit='KiB'/>");
      }
      line(2, "</sections>");
    }
    line(1, "</sgx>");
  }

  private void hyperv(HypervCapability h) {
    String open = "<hypervCapabilities supported='" + yesNo(h.supported()) + "'";
    if (!h.supported() || h.features().isEmpty()) {
      line(1, open + "/>");
      return;
    }
    line(1, open + ">");
    for (String f : h.features()) {
      line(2, "<cap name='" + f + "'/>");
    }
    line(1, "</hypervCapabilities>");
  }

  private void line(int depth, String text) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
    sb.append(text).append('\n');
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}

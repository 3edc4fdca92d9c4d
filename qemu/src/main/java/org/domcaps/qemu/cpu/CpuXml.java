// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import static org.domcaps.model.xml.XmlText.escape;

import java.util.List;
import org.domcaps.qemu.cpu.CpuCapabilities.CustomModel;
import org.domcaps.qemu.cpu.CpuCapabilities.Toggle;

/**
 * libvirt 9.0.0's text of the {@code <cpu>} element (domain_capabilities.c and cpu_conf.c),
 * positioned as a child of {@code <domainCapabilities>}: two-space indent, every line ending in a
 * newline. Escaping follows libvirt: the host-model name and vendor are escaped, custom model
 * names and feature names are printed as they are.
 */
public final class CpuXml {
  private CpuXml() {}

  public static String format(CpuCapabilities cpu) {
    StringBuilder b = new StringBuilder("  <cpu>\n");
    if (cpu.hostPassthrough().supported()) {
      mode(b, "host-passthrough", "hostPassthroughMigratable", cpu.hostPassthrough().hostPassthroughMigratable());
    } else {
      unsupported(b, "host-passthrough");
    }
    if (cpu.maximum().supported()) {
      mode(b, "maximum", "maximumMigratable", cpu.maximum().maximumMigratable());
    } else {
      unsupported(b, "maximum");
    }
    if (cpu.hostModel().supported()) {
      HostModel m = cpu.hostModel().cpu().get();
      b.append("    <mode name='host-model' supported='yes'>\n");
      b.append("      <model fallback='").append(m.fallback().xmlName()).append("'>")
          .append(escape(m.model())).append("</model>\n");
      m.vendor().ifPresent(v -> b.append("      <vendor>").append(escape(v)).append("</vendor>\n"));
      for (HostModel.Feature f : m.features()) {
        b.append("      <feature policy='").append(f.policy().xmlName()).append("' name='")
            .append(f.name()).append("'/>\n");
      }
      b.append("    </mode>\n");
    } else {
      unsupported(b, "host-model");
    }
    if (cpu.custom().supported()) {
      b.append("    <mode name='custom' supported='yes'>\n");
      for (CustomModel m : cpu.custom().models()) {
        b.append("      <model usable='").append(m.usable().name().toLowerCase(java.util.Locale.ROOT)).append('\'');
        if (m.deprecated()) {
          b.append(" deprecated='yes'");
        }
        b.append(" vendor='").append(m.vendor()).append("'>").append(m.name()).append("</model>\n");
      }
      b.append("    </mode>\n");
    } else {
      unsupported(b, "custom");
    }
    return b.append("  </cpu>\n").toString();
  }

  private static void mode(StringBuilder b, String name, String enumName, List<Toggle> values) {
    b.append("    <mode name='").append(name).append("' supported='yes'>\n");
    b.append("      <enum name='").append(enumName).append("'>\n");
    for (Toggle t : values) {
      b.append("        <value>").append(t.xmlName()).append("</value>\n");
    }
    b.append("      </enum>\n    </mode>\n");
  }

  private static void unsupported(StringBuilder b, String name) {
    b.append("    <mode name='").append(name).append("' supported='no'/>\n");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import org.domcaps.model.xml.XmlText;

/**
 * A CPU definition as libvirt 9.0.0 prints it (virCPUDefFormat): for a guest CPU {@code <cpu
 * mode='custom' match='exact'>} with model, vendor and features, two-space indented.
 */
public final class CpuXmlWriter {
  private CpuXmlWriter() {}

  public static String format(CpuDef cpu) {
    return format(cpu, 0);
  }

  /**
   * With {@code <maxphysaddr mode='passthrough' limit='N'/>} when {@code maxPhysAddrLimit} is
   * positive (libvirt 11.3's baseline carries the least limit of its inputs), where libvirt
   * prints it: after the model and vendor, before the features.
   */
  static String format(CpuDef cpu, long maxPhysAddrLimit) {
    StringBuilder attrs = new StringBuilder();
    boolean guest = cpu.type() == CpuDef.Type.GUEST;
    if (guest && (cpu.mode() != CpuDef.Mode.CUSTOM || cpu.model().isPresent())) {
      attrs.append(" mode='").append(cpu.mode().xml).append('\'');
      if (cpu.mode() == CpuDef.Mode.CUSTOM) {
        attrs.append(" match='").append(cpu.match().name().toLowerCase(java.util.Locale.ROOT))
            .append('\'');
      }
    }
    StringBuilder children = new StringBuilder();
    if (!guest && cpu.arch().isPresent()) {
      children.append("  <arch>").append(cpu.arch().get()).append("</arch>\n");
    }
    boolean formatModel = cpu.mode() == CpuDef.Mode.CUSTOM || cpu.mode() == CpuDef.Mode.HOST_MODEL;
    if (formatModel && (cpu.model().isPresent() || cpu.vendorId().isPresent())) {
      children.append("  <model");
      if (guest && cpu.model().isPresent()) {
        children.append(" fallback='")
            .append(cpu.fallback().name().toLowerCase(java.util.Locale.ROOT)).append('\'');
      }
      if (guest && cpu.vendorId().isPresent()) {
        children.append(" vendor_id='").append(XmlText.escape(cpu.vendorId().get())).append('\'');
      }
      if (cpu.model().isPresent()) {
        children.append('>').append(XmlText.escape(cpu.model().get())).append("</model>\n");
      } else {
        children.append("/>\n");
      }
    }
    if (formatModel && cpu.vendor().isPresent()) {
      children.append("  <vendor>").append(XmlText.escape(cpu.vendor().get()))
          .append("</vendor>\n");
    }
    if (maxPhysAddrLimit > 0) {
      children.append("  <maxphysaddr mode='passthrough' limit='").append(maxPhysAddrLimit)
          .append("'/>\n");
    }
    for (CpuDef.Feature f : cpu.features()) {
      children.append("  <feature");
      if (guest) {
        children.append(" policy='").append(f.policy().xml()).append('\'');
      }
      children.append(" name='").append(XmlText.escape(f.name())).append("'/>\n");
    }
    if (children.length() == 0) {
      return "<cpu" + attrs + "/>\n";
    }
    return "<cpu" + attrs + ">\n" + children + "</cpu>\n";
  }
}

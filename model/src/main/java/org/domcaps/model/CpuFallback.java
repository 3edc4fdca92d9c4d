// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/**
 * {@code fallback} of the host-model {@code <model>} (virCPUFallback): whether libvirt may use a
 * different model when the host cannot provide this one. {@link HostModel} stores libvirt's
 * spelling; the XML reader accepts only these two values.
 */
public enum CpuFallback {
  ALLOW("allow"),
  FORBID("forbid");

  private final String xmlValue;

  CpuFallback(String xmlValue) {
    this.xmlValue = xmlValue;
  }

  /** libvirt's spelling, {@code allow} or {@code forbid}. */
  public String xmlValue() {
    return xmlValue;
  }

  /**
   * The constant libvirt spells {@code value}; null for anything else (as {@link Usable#fromXml}).
   */
  public static CpuFallback fromXml(String value) {
    for (CpuFallback f : values()) {
      if (f.xmlValue.equals(value)) {
        return f;
      }
    }
    return null;
  }
}

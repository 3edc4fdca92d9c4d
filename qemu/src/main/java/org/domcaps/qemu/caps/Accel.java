// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/**
 * An accelerator record of the QEMU capabilities. libvirt keeps one per accelerator; every virt
 * type other than kvm and hvf reads the tcg record.
 */
public enum Accel {
  KVM("kvm"),
  HVF("hvf"),
  TCG("tcg");

  private final String xmlName;

  Accel(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The name used in libvirt's cache file ({@code type='kvm'}). */
  public String xmlName() {
    return xmlName;
  }

  /** The record libvirt consults for a virt type name (kvm → KVM, hvf → HVF, else TCG). */
  public static Accel forVirtType(String virtType) {
    if ("kvm".equals(virtType)) {
      return KVM;
    }
    if ("hvf".equals(virtType)) {
      return HVF;
    }
    return TCG;
  }

  public static Accel fromXmlName(String name) {
    for (Accel a : values()) {
      if (a.xmlName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown accelerator type: \"" + name + "\"");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/**
 * One property of QEMU's host-CPU model expansion (cache element {@code <property>}).
 *
 * @param name QEMU property name
 * @param type boolean, number or string
 * @param value the value as text ({@code true}/{@code false} for booleans)
 * @param migratable TRUE/FALSE when libvirt recorded it, null when absent
 */
public record HostCpuProperty(String name, Type type, String value, Boolean migratable) {
  /** Property value types as libvirt writes them. */
  public enum Type {
    BOOLEAN("boolean"),
    NUMBER("number"),
    STRING("string");

    private final String xmlName;

    Type(String xmlName) {
      this.xmlName = xmlName;
    }

    public String xmlName() {
      return xmlName;
    }

    public static Type fromXmlName(String s) {
      for (Type t : values()) {
        if (t.xmlName.equals(s)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown property type: \"" + s + "\"");
    }
  }

  public boolean booleanValue() {
    return type == Type.BOOLEAN && "true".equals(value);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/**
 * One machine type as libvirt records it from {@code query-machines} (cache element
 * {@code <machine>}). Nullable strings are absent attributes.
 *
 * @param name canonical name ({@code pc-i440fx-7.2})
 * @param alias alias or null ({@code pc})
 * @param hotplugCpus whether QEMU reported hotpluggable CPUs
 * @param maxCpus maximum vCPUs
 * @param isDefault QEMU's default machine
 * @param defaultCpuType QEMU's default CPU type name or null
 * @param numaMemSupported whether legacy {@code -numa mem} is supported
 * @param defaultRamId default RAM backend id or null
 * @param deprecated whether QEMU reports it deprecated
 * @param acpi QEMU's {@code acpi} member (libvirt 11.3 records it), null when absent
 */
public record MachineType(
    String name,
    String alias,
    boolean hotplugCpus,
    int maxCpus,
    boolean isDefault,
    String defaultCpuType,
    boolean numaMemSupported,
    String defaultRamId,
    boolean deprecated,
    Boolean acpi) {
  public MachineType {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("machine type needs a name");
    }
  }

  /** A machine without the {@code acpi} member (what libvirt 9.0 records). */
  public MachineType(String name, String alias, boolean hotplugCpus, int maxCpus, boolean isDefault,
      String defaultCpuType, boolean numaMemSupported, String defaultRamId, boolean deprecated) {
    this(name, alias, hotplugCpus, maxCpus, isDefault, defaultCpuType, numaMemSupported,
        defaultRamId, deprecated, null);
  }
}

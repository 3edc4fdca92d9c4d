// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <os firmware=…>} (firmware autoselection): {@code os/firmware}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum FirmwareType implements LibvirtName {
  BIOS("bios"),
  EFI("efi");

  private final String libvirtName;

  FirmwareType(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

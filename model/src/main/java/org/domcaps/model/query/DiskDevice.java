// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <disk device=…>}: {@code devices/disk/diskDevice}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum DiskDevice implements LibvirtName {
  DISK("disk"),
  CDROM("cdrom"),
  FLOPPY("floppy"),
  LUN("lun");

  private final String libvirtName;

  DiskDevice(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

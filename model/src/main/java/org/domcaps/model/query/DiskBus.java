// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * A disk's {@code <target bus=…>}: {@code devices/disk/bus}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum DiskBus implements LibvirtName {
  IDE("ide"),
  FDC("fdc"),
  SCSI("scsi"),
  VIRTIO("virtio"),
  XEN("xen"),
  USB("usb"),
  UML("uml"),
  SATA("sata"),
  SD("sd"),
  NVME("nvme");

  private final String libvirtName;

  DiskBus(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

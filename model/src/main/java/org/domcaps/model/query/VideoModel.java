// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <video><model type=…>}: {@code devices/video/modelType}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum VideoModel implements LibvirtName {
  VGA("vga"),
  CIRRUS("cirrus"),
  VMVGA("vmvga"),
  XEN("xen"),
  VBOX("vbox"),
  QXL("qxl"),
  PARALLELS("parallels"),
  VIRTIO("virtio"),
  GOP("gop"),
  NONE("none"),
  BOCHS("bochs"),
  RAMFB("ramfb");

  private final String libvirtName;

  VideoModel(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

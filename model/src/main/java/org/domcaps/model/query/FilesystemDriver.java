// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <filesystem><driver type=…>}: {@code devices/filesystem/driverType}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum FilesystemDriver implements LibvirtName {
  DEFAULT("default"),
  PATH("path"),
  HANDLE("handle"),
  LOOP("loop"),
  NBD("nbd"),
  PLOOP("ploop"),
  VIRTIOFS("virtiofs");

  private final String libvirtName;

  FilesystemDriver(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

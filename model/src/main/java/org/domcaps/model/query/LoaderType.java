// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <loader type=…>}: {@code os/loader/type}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum LoaderType implements LibvirtName {
  ROM("rom"),
  PFLASH("pflash");

  private final String libvirtName;

  LoaderType(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <tpm><backend version=…>}: {@code devices/tpm/backendVersion}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum TpmVersion implements LibvirtName {
  V1_2("1.2"),
  V2_0("2.0");

  private final String libvirtName;

  TpmVersion(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

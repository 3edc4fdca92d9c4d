// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <tpm><backend type=…>}: {@code devices/tpm/backendModel}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum TpmBackend implements LibvirtName {
  PASSTHROUGH("passthrough"),
  EMULATOR("emulator"),
  EXTERNAL("external");

  private final String libvirtName;

  TpmBackend(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

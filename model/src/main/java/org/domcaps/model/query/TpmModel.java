// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <tpm model=…>}: {@code devices/tpm/model}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum TpmModel implements LibvirtName {
  TPM_TIS("tpm-tis"),
  TPM_CRB("tpm-crb"),
  TPM_SPAPR("tpm-spapr"),
  SPAPR_TPM_PROXY("spapr-tpm-proxy");

  private final String libvirtName;

  TpmModel(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

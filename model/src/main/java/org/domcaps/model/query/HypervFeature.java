// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * A Hyper-V enlightenment: {@code features/hyperv/features}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum HypervFeature implements LibvirtName {
  RELAXED("relaxed"),
  VAPIC("vapic"),
  SPINLOCKS("spinlocks"),
  VPINDEX("vpindex"),
  RUNTIME("runtime"),
  SYNIC("synic"),
  STIMER("stimer"),
  RESET("reset"),
  VENDOR_ID("vendor_id"),
  FREQUENCIES("frequencies"),
  REENLIGHTENMENT("reenlightenment"),
  TLBFLUSH("tlbflush"),
  IPI("ipi"),
  EVMCS("evmcs"),
  AVIC("avic"),
  EMSR_BITMAP("emsr_bitmap"),
  XMM_INPUT("xmm_input");

  private final String libvirtName;

  HypervFeature(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

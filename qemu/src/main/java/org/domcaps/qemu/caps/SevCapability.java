// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/**
 * AMD SEV data from {@code query-sev-capabilities} plus the guest limits libvirt adds from CPUID.
 * maxGuests / maxEsGuests are 0 when not known. cpu0Id is null when QEMU did not report it (libvirt
 * writes it to the cache but does not read it back).
 */
public record SevCapability(
    int cbitpos,
    int reducedPhysBits,
    String pdh,
    String certChain,
    long maxGuests,
    long maxEsGuests,
    String cpu0Id) {
  /** Without cpu0Id. */
  public SevCapability(
      int cbitpos, int reducedPhysBits, String pdh, String certChain, long maxGuests,
      long maxEsGuests) {
    this(cbitpos, reducedPhysBits, pdh, certChain, maxGuests, maxEsGuests, null);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/**
 * AMD SEV data from {@code query-sev-capabilities} plus the guest limits libvirt adds from CPUID.
 * maxGuests / maxEsGuests are 0 when not known.
 */
public record SevCapability(
    int cbitpos, int reducedPhysBits, String pdh, String certChain, long maxGuests, long maxEsGuests) {}

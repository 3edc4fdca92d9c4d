// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

/**
 * SEV guest limits libvirt derives from CPUID 0x8000001F (virQEMUCapsGetSEVMaxGuests): ECX is the
 * highest SEV ASID, EDX the lowest non-ES one.
 */
public record SevGuestLimits(long maxGuests, long maxEsGuests) {
  public static final SevGuestLimits NONE = new SevGuestLimits(0, 0);

  /** ECX − EDX + 1 and EDX − 1; 0/0 when either register is 0. */
  public static SevGuestLimits fromCpuid(long ecx, long edx) {
    if (ecx == 0 || edx == 0) {
      return NONE;
    }
    return new SevGuestLimits(ecx - edx + 1, edx - 1);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

/**
 * The two probe phases of libvirt 9.0.0: the first runs QEMU with {@code accel=kvm:tcg} (it is
 * the KVM phase when KVM was usable), the second with {@code accel=tcg} only and runs only when the
 * first one used KVM.
 */
public enum ProbePhase {
  /** {@code -machine none,accel=kvm:tcg}. */
  FIRST,
  /** {@code -machine none,accel=tcg}, after a KVM first phase. */
  TCG
}

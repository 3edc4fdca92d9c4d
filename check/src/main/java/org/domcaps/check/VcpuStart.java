// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

/**
 * What happened when the probe started QEMU, paused and without devices, with one guest CPU on
 * the definition's machine and accelerator: whether the vCPU came up, and QEMU's error when it
 * did not (e.g. KVM refusing an MSR value the CPU definition sets).
 */
public record VcpuStart(boolean runs, String qemuError) {
  public VcpuStart {
    qemuError = qemuError == null ? "" : qemuError;
  }
}

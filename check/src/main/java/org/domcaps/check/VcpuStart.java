// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.Map;

/**
 * What happened when the probe started QEMU, paused and without devices, with one guest CPU on
 * the definition's machine and accelerator: whether the vCPU came up, QEMU's error when it did
 * not (e.g. KVM refusing an MSR value the CPU definition sets), and, when it did, whether each
 * feature asked about is on in the vCPU QEMU built (libvirt's names; features QEMU does not
 * know are left out).
 */
public record VcpuStart(boolean runs, String qemuError, Map<String, Boolean> features) {
  public VcpuStart {
    qemuError = qemuError == null ? "" : qemuError;
    features = Map.copyOf(features);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.List;
import java.util.Objects;
import org.domcaps.model.Usable;

/**
 * A CPU model the hypervisor offers (libvirt's qemuMonitorCPUDefInfo): its name, QEMU's verdict
 * on its usability here and the features that keep it from being usable, already in libvirt's
 * spelling.
 */
public record HypervisorModel(String name, Usable usable, List<String> blockers) {
  public HypervisorModel {
    Objects.requireNonNull(usable, "usable");
    blockers = List.copyOf(blockers);
  }
}

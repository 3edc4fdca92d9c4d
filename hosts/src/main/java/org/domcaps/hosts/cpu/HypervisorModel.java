// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.util.List;

/**
 * A CPU model the hypervisor offers (libvirt's virDomainCapsCPUModel): its name and the features
 * that keep it from being usable here, already in libvirt's spelling.
 */
public record HypervisorModel(String name, List<String> blockers) {
  public HypervisorModel {
    blockers = List.copyOf(blockers);
  }
}

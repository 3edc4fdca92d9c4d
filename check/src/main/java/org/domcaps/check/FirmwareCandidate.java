// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.List;

/**
 * One firmware descriptor as libvirt's firmware selection sees it.
 *
 * @param source the descriptor file
 * @param interfaces {@code interface-types} (bios, uefi, ...)
 * @param device {@code mapping.device} (flash, memory, kernel)
 * @param image the executable image, empty for kernel mappings
 * @param targets {@code arch} → machine globs, one entry per target
 * @param features the descriptor's features (secure-boot, enrolled-keys, requires-smm, ...)
 */
public record FirmwareCandidate(String source, List<String> interfaces, String device,
    String image, List<Target> targets, List<String> features) {
  public FirmwareCandidate {
    interfaces = List.copyOf(interfaces);
    targets = List.copyOf(targets);
    features = List.copyOf(features);
  }

  /** One target: an arch and the machine globs (fnmatch) it supports. */
  public record Target(String arch, List<String> machines) {
    public Target {
      machines = List.copyOf(machines);
    }
  }
}

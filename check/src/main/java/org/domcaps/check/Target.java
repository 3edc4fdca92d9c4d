// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.Objects;
import org.domcaps.model.DomainCapabilities;

/**
 * One host configuration a definition is checked against: its domain capabilities document (for
 * the definition's emulator, arch, machine and virttype) and what the probe knows beyond it.
 */
public record Target(DomainCapabilities caps, ProbeFacts facts) {
  public Target {
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(facts, "facts");
  }

  /** A saved document alone: live rules warn. */
  public static Target offline(DomainCapabilities caps) {
    return new Target(caps, ProbeFacts.NONE);
  }

  /** {@code /usr/bin/qemu-system-x86_64 (pc-q35-7.2, kvm)}: the host in messages. */
  public String describe() {
    return caps.path() + " (" + caps.machine().orElse("?") + ", " + caps.domain() + ")";
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Objects;
import org.domcaps.qemu.build.ResolvedRequest;

/**
 * A request after libvirt's resolution ({@link DomCaps#resolve}): every default filled in, the
 * machine canonical, the emulator's capabilities at hand. Immutable and thread-safe.
 */
public final class Resolution {
  private final ResolvedRequest resolved;

  Resolution(ResolvedRequest resolved) {
    this.resolved = Objects.requireNonNull(resolved, "resolved");
  }

  ResolvedRequest internal() {
    return resolved;
  }

  /** The binary, as given or as found in the search path (printed in {@code <path>}). */
  public String emulator() {
    return resolved.emulator();
  }

  /**
   * The requested (or default) arch, printed in {@code <arch>}; may differ from the emulator's own
   * ({@code i686} with {@code qemu-system-x86_64}).
   */
  public String arch() {
    return resolved.arch();
  }

  /** The virt type printed in {@code <domain>}. */
  public String virtType() {
    return resolved.virtType();
  }

  /** The canonical machine name. */
  public String machine() {
    return resolved.machine();
  }

  /** What the emulator reports about itself. */
  public EmulatorCaps emulatorCaps() {
    return new EmulatorCaps(resolved.caps());
  }

  @Override
  public String toString() {
    return "Resolution[" + emulator() + ", " + arch() + ", " + virtType() + ", " + machine() + "]";
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Optional;
import org.domcaps.model.Cpu;

/** Supplies the {@code <cpu>} element for a resolved request; empty leaves it out. */
@FunctionalInterface
interface CpuSource {
  Optional<Cpu> cpuFor(Resolution request);

  /** Leaves {@code <cpu>} out of every document. */
  CpuSource NONE = request -> Optional.empty();
}

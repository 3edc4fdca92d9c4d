// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Optional;
import org.domcaps.model.Cpu;
import org.domcaps.qemu.build.ResolvedRequest;

/** The {@code <cpu>} element as libvirt's harness produces it (its fake host CPU per arch). */
final class HarnessCpu {
  private HarnessCpu() {}

  // TODO(build): map the cpu helper's result once org.domcaps.qemu.cpu is merged.
  static Optional<Cpu> section(ResolvedRequest request) {
    return Optional.empty();
  }
}

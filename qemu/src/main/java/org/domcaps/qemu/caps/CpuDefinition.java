// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.List;

/**
 * One CPU model from {@code query-cpu-definitions} (cache element {@code <cpu>}).
 *
 * @param name model name as QEMU reports it
 * @param typeName QOM type name or null when QEMU did not report one
 * @param usable yes / no / unknown (absent in the cache file)
 * @param blockers features that make it unusable, in QEMU's order (empty when none reported)
 * @param deprecated whether QEMU reports it deprecated
 */
public record CpuDefinition(
    String name, String typeName, Usable usable, List<String> blockers, boolean deprecated) {
  public CpuDefinition {
    blockers = List.copyOf(blockers);
  }

  /** Usability of a CPU model; UNKNOWN when QEMU did not say. */
  public enum Usable {
    YES,
    NO,
    UNKNOWN;

    /** The document model's value for this verdict. */
    public org.domcaps.model.Usable toModel() {
      return switch (this) {
        case YES -> org.domcaps.model.Usable.YES;
        case NO -> org.domcaps.model.Usable.NO;
        case UNKNOWN -> org.domcaps.model.Usable.UNKNOWN;
      };
    }
  }
}

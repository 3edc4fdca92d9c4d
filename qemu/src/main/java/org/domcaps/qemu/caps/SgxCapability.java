// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.List;

/**
 * Intel SGX data from {@code query-sgx-capabilities}.
 *
 * @param flc flexible launch control
 * @param sgx1 SGX1 support
 * @param sgx2 SGX2 support
 * @param sectionSizeKiB total EPC size in KiB
 * @param sections EPC sections per NUMA node (empty for QEMU without per-section data)
 */
public record SgxCapability(
    boolean flc, boolean sgx1, boolean sgx2, long sectionSizeKiB, List<Section> sections) {
  public SgxCapability {
    sections = List.copyOf(sections);
  }

  /** One EPC section. */
  public record Section(int node, long sizeKiB) {}
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.util.List;

/**
 * Hyper-V enlightenments QEMU can offer (cache element {@code <hypervCapabilities>}).
 *
 * @param supported whether libvirt considers Hyper-V enlightenments supported
 * @param features enlightenment names in libvirt's enum order ({@code relaxed}, {@code vapic}, ...)
 */
public record HypervCapability(boolean supported, List<String> features) {
  public HypervCapability {
    features = List.copyOf(features);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.DomCapsRequest;

/**
 * A {@code GET /v1/domcaps} request after parsing: virsh's four options (null when absent), the
 * libvirt release answered as and the form of the answer. Also the key of the answer memo, so equal
 * queries share one rendering.
 */
record Query(String emulatorBin, String arch, String machine, String virtType,
    LibvirtVersion libvirt, Format format) {
  DomCapsRequest request() {
    return DomCapsRequest.of(emulatorBin, arch, machine, virtType);
  }
}

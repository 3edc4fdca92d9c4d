// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;

import org.domcaps.qemu.caps.QemuCaps;

/**
 * A request after libvirt's resolution: every default filled in, the machine canonical.
 *
 * @param emulator the binary, as given or as found in the search path (printed in {@code <path>})
 * @param arch the requested (or default) arch, printed in {@code <arch>}; may differ from the
 *     emulator's own arch ({@code i686} with {@code qemu-system-x86_64})
 * @param virtType the virt type printed in {@code <domain>}
 * @param machine the canonical machine name
 * @param caps the binary's capabilities
 */
public record ResolvedRequest(
    String emulator, String arch, String virtType, String machine, QemuCaps caps) {}

// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * libvirt 9.0.0's architecture table ({@link org.domcaps.qemu.arch.LibvirtArch}): names, kernel
 * and QEMU spellings, families and which emulator serves which arch. Every other package asks it
 * rather than keeping its own list.
 */
package org.domcaps.qemu.arch;

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

/** One GIC version from {@code query-gic-capabilities}. */
public record GicCapability(int version, boolean kernel, boolean emulated) {}

// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * The {@code <cpu>} element of libvirt 9.0.0's domain capabilities for QEMU.
 *
 * <p>Entry point: {@link org.domcaps.qemu.cpu.CpuCapabilitiesResolver#resolve} computes a
 * {@link org.domcaps.qemu.cpu.CpuCapabilities} (the four modes, structured as libvirt prints them)
 * from the emulator's {@link org.domcaps.qemu.caps.QemuCaps}, the request (virt type, arch,
 * canonical machine) and {@link org.domcaps.qemu.cpu.HostCpuFacts} (live:
 * {@link org.domcaps.qemu.cpu.LiveHostCpuFacts}; libvirt's test harness:
 * {@link org.domcaps.qemu.cpu.HostCpuFacts#libvirtTestHarness}). {@link org.domcaps.qemu.cpu.CpuXml}
 * renders libvirt's exact text. libvirt's CPU map data ships as resources read by
 * {@code org.domcaps.qemu.cpu.map}.
 */
package org.domcaps.qemu.cpu;

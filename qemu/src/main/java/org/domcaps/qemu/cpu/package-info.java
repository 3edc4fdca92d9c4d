// SPDX-License-Identifier: LGPL-2.1-or-later
/**
 * The {@code <cpu>} element of libvirt's domain capabilities for QEMU.
 *
 * <p>Entry point: {@link org.domcaps.qemu.cpu.CpuCapabilitiesResolver#resolve} computes the
 * document model's {@link org.domcaps.model.Cpu} (the four modes; policies, fallbacks and
 * migratable values as the model's enums) from the emulator's
 * {@link org.domcaps.qemu.caps.QemuCaps}, the request (virt type, arch, canonical machine) and
 * {@link org.domcaps.qemu.cpu.HostCpuFacts} (live: {@link org.domcaps.qemu.cpu.LiveHostCpuFacts};
 * libvirt's test harness: {@link org.domcaps.qemu.cpu.HostCpuFacts#libvirtTestHarness}). There is
 * no CPU writer here: {@code org.domcaps.model.xml} prints the element like the rest of the
 * document. libvirt's CPU map data ships as resources read by {@code org.domcaps.qemu.cpu.map}.
 */
package org.domcaps.qemu.cpu;

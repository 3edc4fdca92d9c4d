// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.util.Optional;

/**
 * The host state a cache entry is keyed on besides the binary itself, as libvirt 9.0.0 keys its
 * capability cache (virQEMUCapsIsValid): QEMU's module directory, the prober's own identity, and
 * for emulators native to the host the KVM facts.
 *
 * @param hostArch libvirt arch name of the host (decides which emulators are native)
 * @param qemuModDirMtime mtime of QEMU's module directory, empty when it does not exist
 * @param selfCtime ctime of the domcaps code (libvirt: of its daemon binary)
 * @param selfVersion the libvirt version whose behaviour domcaps reproduces (9000000)
 * @param kvmUsable {@code /dev/kvm} opens read-write for this process
 * @param hostCpuSignature libvirt's host CPU signature line, empty where libvirt has none
 * @param microcodeVersion the {@code microcode} value of {@code /proc/cpuinfo} (x86), else 0
 * @param kernelVersion "release version" of the running kernel
 * @param kvmSupportsNesting the kvm module's {@code nested} parameter is on
 * @param kvmSupportsSecureGuest SEV (x86) or protected virtualization (s390) is available
 */
public record HostKey(
    String hostArch,
    Optional<Long> qemuModDirMtime,
    long selfCtime,
    long selfVersion,
    boolean kvmUsable,
    Optional<String> hostCpuSignature,
    long microcodeVersion,
    Optional<String> kernelVersion,
    boolean kvmSupportsNesting,
    boolean kvmSupportsSecureGuest) {}

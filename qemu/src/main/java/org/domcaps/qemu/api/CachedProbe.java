// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * One entry of the capability cache ({@link CapabilityCache#list}): immutable.
 *
 * @param file the entry file
 * @param details what the entry records; empty when the file cannot be read
 * @param problem why the entry would not be used now (unreadable, or stale for this host or
 *     binary); empty when it is valid
 */
public record CachedProbe(Path file, Optional<Details> details, Optional<String> problem) {
  public boolean valid() {
    return problem.isEmpty();
  }

  /**
   * The facts an entry is keyed and validated on, as libvirt's cache file records them.
   *
   * @param emulator the probed binary
   * @param arch its libvirt arch
   * @param qemuVersion QEMU's version as libvirt encodes it (major * 1000000 + minor * 1000 +
   *     micro)
   * @param kvm whether the probe found KVM usable
   * @param qemuCtime the binary's ctime when probed (seconds)
   * @param qemuModDirMtime the QEMU module directory's mtime, when it existed
   * @param selfCtime the prober's own build time stamp
   * @param selfVersion the prober's version number
   * @param hostCpuSignature the host CPU signature the probe ran on
   * @param microcodeVersion the host CPU microcode version
   * @param kernelVersion the host kernel
   * @param kvmSupportsNesting whether nested KVM was enabled
   * @param kvmSupportsSecureGuest whether KVM secure guests were enabled
   */
  public record Details(String emulator, String arch, long qemuVersion, boolean kvm,
      long qemuCtime, Optional<Long> qemuModDirMtime, long selfCtime, long selfVersion,
      Optional<String> hostCpuSignature, long microcodeVersion, Optional<String> kernelVersion,
      boolean kvmSupportsNesting, boolean kvmSupportsSecureGuest) {
    static Details of(QemuCaps c) {
      return new Details(c.emulator(), c.arch(), c.version(), c.has("kvm"), c.qemuCtime(),
          c.qemuModDirMtime(), c.selfCtime(), c.selfVersion(), c.hostCpuSignature(),
          c.microcodeVersion(), c.kernelVersion(), c.kvmSupportsNesting(),
          c.kvmSupportsSecureGuest());
    }
  }
}

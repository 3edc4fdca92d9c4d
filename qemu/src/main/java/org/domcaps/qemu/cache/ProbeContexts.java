// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Path;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * The probe context of a live probe whose result is cached: the binary's ctime (taken before
 * probing, as libvirt does) and the host key, so that the entry records what it is valid for.
 */
public final class ProbeContexts {
  private ProbeContexts() {}

  public static ProbeContext of(String binary, HostKey host) {
    long ctime;
    try {
      ctime = LiveHostKey.ctimeSeconds(Path.of(binary));
    } catch (IOException | RuntimeException e) {
      ctime = 0; // the probe itself reports the unusable binary
    }
    return ProbeContext.builder(binary)
        .hostArch(host.hostArch())
        .qemuCtime(ctime)
        .qemuModDirMtime(host.qemuModDirMtime().orElse(null))
        .selfCtime(host.selfCtime())
        .selfVersion(host.selfVersion())
        .microcodeVersion(host.microcodeVersion())
        .hostCpuSignature(host.hostCpuSignature().orElse(null))
        .kernelVersion(host.kernelVersion().orElse(null))
        .kvmSupportsNesting(host.kvmSupportsNesting())
        .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest())
        .build();
  }
}

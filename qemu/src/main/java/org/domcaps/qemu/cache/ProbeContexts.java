// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Path;
import org.domcaps.qemu.launch.LiveProbeContext;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * The probe context of a live probe whose result is cached: the binary's ctime (taken before
 * probing, as libvirt does) and the host key, so that the entry records what it is valid for.
 */
public final class ProbeContexts {
  private ProbeContexts() {}

  /**
   * The context libvirt would record (with the host's KVM CPUID as {@code <cpudata>}, read by
   * {@link LiveProbeContext}), provided it agrees with {@code host} on every key; otherwise (or if
   * the binary cannot be checked) the context built from {@code host} alone, so that the entry is
   * always valid for the key it was probed under.
   */
  public static ProbeContext live(String binary, HostKey host) {
    ProbeContext own = of(binary, host);
    ProbeContext full;
    try {
      full = LiveProbeContext.forBinary(Path.of(binary));
    } catch (IOException | RuntimeException e) {
      return own;
    }
    boolean agrees = full.qemuCtime() == own.qemuCtime()
        && full.qemuModDirMtime().equals(own.qemuModDirMtime())
        && full.selfCtime() == own.selfCtime()
        && full.selfVersion() == own.selfVersion()
        && full.microcodeVersion() == own.microcodeVersion()
        && full.hostCpuSignature().equals(own.hostCpuSignature())
        && full.kernelVersion().equals(own.kernelVersion())
        && full.kvmSupportsNesting() == own.kvmSupportsNesting()
        && full.kvmSupportsSecureGuest() == own.kvmSupportsSecureGuest();
    if (!agrees || full.cpuDataXml().isEmpty()) {
      return own;
    }
    return ProbeContext.builder(binary)
        .hostArch(host.hostArch())
        .qemuCtime(own.qemuCtime())
        .qemuModDirMtime(own.qemuModDirMtime().orElse(null))
        .selfCtime(own.selfCtime())
        .selfVersion(own.selfVersion())
        .microcodeVersion(own.microcodeVersion())
        .hostCpuSignature(own.hostCpuSignature().orElse(null))
        .kernelVersion(own.kernelVersion().orElse(null))
        .cpuDataXml(full.cpuDataXml().get())
        .kvmSupportsNesting(own.kvmSupportsNesting())
        .kvmSupportsSecureGuest(own.kvmSupportsSecureGuest())
        .build();
  }

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

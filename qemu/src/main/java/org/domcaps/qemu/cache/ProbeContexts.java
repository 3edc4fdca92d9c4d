// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Path;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.host.KvmSupportedCpuid;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * The probe context of a live probe whose result is cached: the binary's ctime (taken before
 * probing, as libvirt does) and the host key, so that the entry records what it is valid for.
 */
public final class ProbeContexts {
  private ProbeContexts() {}

  /**
   * The context libvirt would record for a probe under {@code host}: {@link #of} plus, on x86, the
   * host's KVM-supported CPUID as {@code <cpudata>}. Every keyed fact comes from the key itself, so
   * the entry is always valid for the key it was probed under.
   */
  public static ProbeContext live(String binary, HostKey host) {
    ProbeContext.Builder b = builder(binary, host);
    if (LibvirtArch.isX86(host.hostArch())) {
      KvmSupportedCpuid.cpuDataXml(KvmDevice.PATH).ifPresent(b::cpuDataXml);
    }
    return b.build();
  }

  /** The context recorded for a probe under {@code host}, without the host's CPUID data. */
  public static ProbeContext of(String binary, HostKey host) {
    return builder(binary, host).build();
  }

  private static ProbeContext.Builder builder(String binary, HostKey host) {
    long ctime;
    try {
      ctime = HostIdentity.ctimeSeconds(Path.of(binary));
    } catch (IOException | RuntimeException e) {
      ctime = 0; // the probe itself reports the unusable binary
    }
    return ProbeContext.builder(binary)
        .hostArch(host.hostArch())
        .qemuCtime(ctime)
        .qemuModDirMtime(host.qemuModDirMtime().orElse(null))
        .selfCtime(host.selfCtime())
        .selfVersion(host.selfVersion())
        // The key's selfvers names the release the entry answers for: probe as it asks.
        .libvirt(HostIdentity.releaseOf(host.selfVersion()))
        .microcodeVersion(host.microcodeVersion())
        .hostCpuSignature(host.hostCpuSignature().orElse(null))
        .kernelVersion(host.kernelVersion().orElse(null))
        .kvmSupportsNesting(host.kvmSupportsNesting())
        .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest());
  }
}

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
 * The one way a probe context is made for probing on a host: the binary's ctime (taken before
 * probing, as libvirt does) and every fact of the host key, so that a probe records what it is
 * valid for whether or not it is cached. Live probes ({@code LiveOptions}, {@code EmulatorProbe},
 * the cache) use {@link #live}; {@link #of} leaves out the host's CPUID data; replays of
 * recordings made elsewhere, which must not read this host, use {@link #archOnly}.
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

  /**
   * A context that knows only the host arch and reads nothing from this host: for replaying a
   * recording made elsewhere (libvirt's test data, the conformance suite) and for probes whose
   * recorded host facts do not matter.
   */
  public static ProbeContext archOnly(String binary, String hostArch) {
    return ProbeContext.builder(binary).hostArch(hostArch).build();
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

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;
import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.host.KvmSupportedCpuid;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * {@link ProbeContext} for probing a binary on this host, with the facts libvirt 9.0.0 records
 * beside the capabilities: the binary's ctime and the identity facts of {@link HostIdentity}, and
 * from {@link HostFacts} the arch, the KVM-supported CPUID and the KVM nesting / secure-guest
 * settings. The probe stores the host facts only when it found an accelerator, as libvirt does.
 */
public final class LiveProbeContext {
  private LiveProbeContext() {}

  /** Reads this host's facts for probing {@code binary} (its path exactly as given). */
  public static ProbeContext forBinary(Path binary) throws IOException {
    return forBinary(binary, new LiveHostFacts());
  }

  /** As {@link #forBinary(Path)}, with the arch and KVM facts taken from {@code host}. */
  public static ProbeContext forBinary(Path binary, HostFacts host) throws IOException {
    return forBinary(binary, host, LibvirtVersion.V9_0);
  }

  /** As {@link #forBinary(Path, HostFacts)}, asking as the libvirt release {@code libvirt} does. */
  public static ProbeContext forBinary(Path binary, HostFacts host, LibvirtVersion libvirt)
      throws IOException {
    String arch = host.arch();
    FileTime ctime = EmulatorBinaryCheck.requireExecutable(binary);
    ProbeContext.Builder b =
        ProbeContext.builder(binary.toString())
            .hostArch(arch)
            .qemuCtime(ctime.to(TimeUnit.SECONDS))
            .qemuModDirMtime(HostIdentity.moduleDirMtime(arch).orElse(null))
            .selfCtime(HostIdentity.selfCtime())
            .selfVersion(HostIdentity.versionNumber(libvirt))
            .libvirt(libvirt)
            .microcodeVersion(HostIdentity.microcodeVersion(arch))
            .hostCpuSignature(HostIdentity.cpuSignature(arch).orElse(null))
            .kernelVersion(HostIdentity.kernelVersion().orElse(null))
            .kvmSupportsNesting(host.kvmNestingEnabled())
            .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest());
    if (LibvirtArch.isX86(arch)) {
      KvmSupportedCpuid.cpuDataXml(KvmDevice.PATH).ifPresent(b::cpuDataXml);
    }
    return b.build();
  }
}

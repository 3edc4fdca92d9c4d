// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.cpu.LiveHostCpuFacts;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * {@link Options} for the machine this process runs on: real QEMU processes, the real firmware
 * directories, {@code /dev/kvm}, {@code /sys}, {@code PATH}.
 */
public final class LiveOptions {
  private LiveOptions() {}

  /**
   * @param warnings receives what libvirt would only log or would fail on and we skip (e.g. a
   *     malformed firmware descriptor)
   */
  public static Options forThisHost(Consumer<String> warnings) {
    return forHost(new LiveHostFacts(), warnings);
  }

  /** Live probing and firmware, with the given host facts (e.g. overridden ones). */
  public static Options forHost(HostFacts host, Consumer<String> warnings) {
    LiveHostCpuFacts hostCpu = new LiveHostCpuFacts(host.arch(), Path.of("/proc/cpuinfo"));
    return Options.builder()
        .host(host)
        .capsLookup(LiveCapsLookup.live(b -> probeContext(b, host)))
        // libvirt's system daemon reads no user firmware dir; an unprivileged one does.
        .firmware(FirmwareCapsResolver.live(host.privileged(), warnings::accept))
        .cpu(r -> Optional.of(CpuSection.of(r, hostCpu)))
        .build();
  }

  /** The host facts libvirt records with a probe (they matter only when KVM is found). */
  static ProbeContext probeContext(String binary, HostFacts host) {
    return ProbeContext.builder(binary)
        .hostArch(host.arch())
        .kvmSupportsNesting(host.kvmNestingEnabled())
        .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest())
        .build();
  }
}

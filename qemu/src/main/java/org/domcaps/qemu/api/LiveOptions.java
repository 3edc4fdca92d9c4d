// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.function.Consumer;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.cpu.LiveHostCpuFacts;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.ProcessIdentity;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * {@link Options} for the machine this process runs on: the only place that reads the
 * environment ({@code PATH}, the effective uid, {@code /proc}, {@code /dev/kvm}).
 */
public final class LiveOptions {
  private LiveOptions() {}

  /**
   * @param warnings receives what libvirt would only log or would fail on and we skip (e.g. a
   *     malformed firmware descriptor)
   */
  public static Options forThisHost(Consumer<String> warnings) {
    String hostArch = HostArch.live();
    ProgramSearchPath search = ProgramSearchPath.ofEnvironment();
    // libvirt's system daemon runs as root; unprivileged callers read the user firmware dir too.
    boolean privileged = ProcessIdentity.privileged();
    LiveHostCpuFacts hostCpu = new LiveHostCpuFacts();
    return Options.builder()
        .hostArch(hostArch)
        .searchPath(search)
        .capsLookup(LiveCapsLookup.live(b -> ProbeContext.builder(b).hostArch(hostArch).build()))
        .firmware(FirmwareCapsResolver.live(privileged, warnings::accept))
        .facts(new LiveFillFacts(new Swtpm(search)))
        .cpu(r -> java.util.Optional.of(CpuSection.of(r, hostCpu)))
        .build();
  }
}

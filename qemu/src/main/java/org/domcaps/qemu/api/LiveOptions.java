// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.FirmwareDescriptorMemo;
import org.domcaps.qemu.cache.HostKey;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.cpu.LiveHostCpuFacts;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.ProcessIdentity;

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
    return forThisHost(warnings, Optional.empty());
  }

  /**
   * As {@link #forThisHost(Consumer)}, with probe results kept in the capability cache at {@code
   * cacheDir} ({@link org.domcaps.qemu.cache.CacheLocation}); empty probes every time.
   */
  public static Options forThisHost(Consumer<String> warnings, Optional<Path> cacheDir) {
    String hostArch = HostArch.live();
    ProgramSearchPath search = ProgramSearchPath.ofEnvironment();
    // libvirt's system daemon runs as root; unprivileged callers read the user firmware dir too.
    boolean privileged = ProcessIdentity.privileged();
    LiveHostCpuFacts hostCpu = new LiveHostCpuFacts();
    HostKey host = LiveHostKey.read(hostArch);
    return Options.builder()
        .hostArch(hostArch)
        .searchPath(search)
        .capsLookup(capsLookup(host, warnings, cacheDir))
        .firmware(cacheDir.isEmpty()
            ? FirmwareCapsResolver.live(privileged, warnings::accept)
            : FirmwareCapsResolver.live(privileged, warnings::accept)
                .withMemo(new FirmwareDescriptorMemo(cacheDir.get(), host.selfCtime())))
        .facts(new LiveFillFacts(
            new Swtpm(search, cacheDir.map(d -> d.resolve("swtpm-capabilities.txt")).orElse(null)),
            cacheDir.map(d -> d.resolve("kvm-max-vcpus.txt")).orElse(null)))
        .cpu(r -> java.util.Optional.of(CpuSection.of(r, hostCpu)))
        .build();
  }

  /** libvirt's name of this host's arch. */
  public static String hostArch() {
    return HostArch.live();
  }

  /** The live prober, behind the cache when one is asked for. */
  public static CapsLookup capsLookup(
      HostKey host, Consumer<String> warnings, Optional<Path> cacheDir) {
    if (cacheDir.isEmpty()) {
      return LiveCapsLookup.live(b -> ProbeContexts.of(b, host));
    }
    // A fresh prober per probe: LiveCapsLookup remembers what it probed, the cache must not.
    return new CapsCache(cacheDir.get(), host,
        b -> LiveCapsLookup.live(x -> ProbeContexts.of(x, host)).lookup(b), warnings);
  }
}

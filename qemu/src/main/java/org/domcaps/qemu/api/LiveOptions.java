// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;
import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.FirmwareDescriptorMemo;
import org.domcaps.qemu.cache.HostKey;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.MemoHostFacts;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.cpu.LiveHostCpuFacts;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.launch.LaunchSettings;
import org.domcaps.qemu.launch.OverlappingConnector;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * {@link Options} for the machine this process runs on: real QEMU processes, the real firmware
 * directories, {@code /dev/kvm}, {@code /sys}, {@code PATH}.
 *
 * <p>The options are long-lived and thread-safe. What they remember is checked before each use:
 * probes by the binary's ctime (and, with a cache directory, libvirt's whole validity rule: QEMU
 * module directory, host CPU, microcode, kernel, KVM), so an answer never comes from a binary
 * that changed or vanished; firmware descriptors are read again for every answer.
 */
public final class LiveOptions {
  /** {@code -Ddomcaps.overlapTcg=false} starts the TCG phase's QEMU only after the first phase. */
  private static final boolean OVERLAP =
      Boolean.parseBoolean(System.getProperty("domcaps.overlapTcg", "true"));

  private LiveOptions() {}

  /**
   * @param warnings receives what libvirt would only log or would fail on and we skip (e.g. a
   *     malformed firmware descriptor)
   */
  public static Options forThisHost(Consumer<String> warnings) {
    return forHost(new LiveHostFacts(), warnings);
  }

  /**
   * As {@link #forThisHost(Consumer)}, with probe results kept in the capability cache at {@code
   * cacheDir} ({@link org.domcaps.qemu.cache.CacheLocation}); empty probes every time.
   */
  public static Options forThisHost(Consumer<String> warnings, Optional<Path> cacheDir) {
    return forHost(new LiveHostFacts(), warnings, cacheDir);
  }

  /** As {@link #forThisHost(Consumer, Optional)}, answering as the libvirt release {@code libvirt}. */
  public static Options forThisHost(
      Consumer<String> warnings, Optional<Path> cacheDir, LibvirtVersion libvirt) {
    return forHost(new LiveHostFacts(), warnings, cacheDir, libvirt);
  }

  /** Live probing and firmware, with the given host facts (e.g. overridden ones). */
  public static Options forHost(HostFacts host, Consumer<String> warnings) {
    return forHost(host, warnings, LibvirtVersion.V9_0);
  }

  /** Live probing and firmware as the libvirt release {@code libvirt} does them. */
  public static Options forHost(HostFacts host, Consumer<String> warnings, LibvirtVersion libvirt) {
    LiveHostCpuFacts hostCpu = new LiveHostCpuFacts(host.arch(), Path.of("/proc/cpuinfo"));
    return Options.builder()
        .host(host)
        .capsLookup(LiveCapsLookup.live(b -> probeContext(b, host, libvirt)))
        // libvirt's system daemon reads no user firmware dir; an unprivileged one does.
        .firmware(FirmwareCapsResolver.live(host.privileged(), warnings::accept))
        .cpu(r -> Optional.of(CpuSection.of(r, hostCpu)))
        .libvirt(libvirt)
        .build();
  }

  /**
   * Live options behind the capability cache at {@code cacheDir} (empty: {@link #forHost}): probe
   * results in libvirt's cache format, keyed on this host's {@link HostKey}; parsed firmware
   * descriptors, the swtpm versions and the KVM vCPU limit remembered beside them while their
   * sources stay unchanged.
   */
  public static Options forHost(HostFacts host, Consumer<String> warnings, Optional<Path> cacheDir) {
    return forHost(host, warnings, cacheDir, LibvirtVersion.V9_0);
  }

  /**
   * As {@link #forHost(HostFacts, Consumer, Optional)} for the libvirt release {@code libvirt}:
   * its entries live in their own directory ({@link #cacheDirOf}) and carry its {@code selfvers}.
   */
  public static Options forHost(HostFacts host, Consumer<String> warnings, Optional<Path> cacheDir,
      LibvirtVersion libvirt) {
    Options plain = forHost(host, warnings, libvirt);
    if (cacheDir.isEmpty()) {
      return plain;
    }
    Path dir = cacheDirOf(cacheDir.get(), libvirt);
    HostKey key = LiveHostKey.read(host.arch(), libvirt);
    return plain.toBuilder()
        .host(new MemoHostFacts(host, dir))
        .capsLookup(cachedLookup(key, dir, warnings))
        .firmware(plain.firmware()
            .withMemo(new FirmwareDescriptorMemo(dir, key.selfCtime())))
        .build();
  }

  /**
   * The cache directory of a release's entries: 9.0.0's are the directory itself (as before
   * releases were told apart), every other release's are in {@code libvirt-X.Y.Z/} inside it, so
   * that answering as one release never invalidates the other's entries.
   */
  public static Path cacheDirOf(Path cacheDir, LibvirtVersion libvirt) {
    return libvirt.equals(LibvirtVersion.V9_0) ? cacheDir : cacheDir.resolve("libvirt-" + libvirt);
  }

  /** The live prober behind the cache in {@code cacheDir}. */
  public static CapsCache cachedLookup(HostKey key, Path cacheDir, Consumer<String> warnings) {
    // A fresh prober per probe (LiveCapsLookup remembers what it probed, the cache must not),
    // with the TCG phase's QEMU started while the first phase is still answering.
    if (!OVERLAP) {
      return new CapsCache(cacheDir, key,
          b -> LiveCapsLookup.live(x -> ProbeContexts.live(x, key)).lookup(b), warnings);
    }
    return new CapsCache(cacheDir, key, b -> {
      OverlappingConnector c = new OverlappingConnector(Path.of(b), LaunchSettings.defaults());
      try {
        return new LiveCapsLookup(x -> c, x -> ProbeContexts.live(x, key)).lookup(b);
      } finally {
        try {
          c.close();
        } catch (IOException e) {
          warnings.accept("cannot stop the early TCG probe of " + b + ": " + e.getMessage());
        }
      }
    }, warnings);
  }

  /** libvirt's name of this host's arch, from the kernel ({@code uname -m}) without a process. */
  public static String hostArch() {
    return LibvirtArch.host();
  }

  /** The host facts libvirt records with a probe (they matter only when KVM is found). */
  static ProbeContext probeContext(String binary, HostFacts host, LibvirtVersion libvirt) {
    return ProbeContext.builder(binary)
        .libvirt(libvirt)
        .hostArch(host.arch())
        .kvmSupportsNesting(host.kvmNestingEnabled())
        .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest())
        .build();
  }
}

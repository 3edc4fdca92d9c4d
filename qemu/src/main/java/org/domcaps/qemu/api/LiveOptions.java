// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;
import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.domcaps.qemu.build.CpuSection;
import org.domcaps.qemu.cache.CapsCache;
import org.domcaps.qemu.cache.FirmwareDescriptorMemo;
import org.domcaps.qemu.cache.HostKey;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.LiveProber;
import org.domcaps.qemu.cache.MemoHostFacts;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.cpu.LiveHostCpuFacts;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.firmware.FirmwareRoots;
import org.domcaps.qemu.host.DefaultEmulator;
import org.domcaps.qemu.host.ProgramSearch;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.launch.LaunchSettings;
import org.domcaps.qemu.launch.OverlappingConnector;

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
   * cacheDir} ({@link CapabilityCache#location}); empty probes every time.
   */
  public static Options forThisHost(Consumer<String> warnings, Optional<Path> cacheDir) {
    return forHost(new LiveHostFacts(), warnings, cacheDir);
  }

  /**
   * As {@link #forThisHost(Consumer, Optional)}, answering as the libvirt release {@code libvirt}.
   */
  public static Options forThisHost(
      Consumer<String> warnings, Optional<Path> cacheDir, LibvirtVersion libvirt) {
    return forHost(new LiveHostFacts(), warnings, cacheDir, libvirt);
  }

  /** Live probing and firmware, with the given host facts (e.g. overridden ones). */
  static Options forHost(HostFacts host, Consumer<String> warnings) {
    return forHost(host, warnings, LibvirtVersion.V9_0);
  }

  /** Live probing and firmware as the libvirt release {@code libvirt} does them. */
  static Options forHost(HostFacts host, Consumer<String> warnings, LibvirtVersion libvirt) {
    LiveHostCpuFacts hostCpu = new LiveHostCpuFacts(host.arch(), Path.of("/proc/cpuinfo"));
    return Options.builder()
        .host(host)
        // The probe records what libvirt records for this host; the same context as behind
        // the cache (ProbeContexts), the host key read afresh for each probe.
        .capsLookup(LiveCapsLookup.live(
            b -> ProbeContexts.live(b, LiveHostKey.read(host, libvirt))))
        // libvirt's system daemon reads no user firmware dir; an unprivileged one does.
        .firmware(FirmwareCapsResolver.live(host.privileged(), warnings::accept))
        .cpu(r -> Optional.of(CpuSection.of(r.internal(), hostCpu)))
        .libvirt(libvirt)
        .build();
  }

  /**
   * Live options behind the capability cache at {@code cacheDir} (empty: {@link #forHost}): probe
   * results in libvirt's cache format, keyed on this host's {@link HostKey}; parsed firmware
   * descriptors, the swtpm versions and the KVM vCPU limit remembered beside them while their
   * sources stay unchanged.
   */
  static Options forHost(HostFacts host, Consumer<String> warnings, Optional<Path> cacheDir) {
    return forHost(host, warnings, cacheDir, LibvirtVersion.V9_0);
  }

  /**
   * As {@link #forHost(HostFacts, Consumer, Optional)} for the libvirt release {@code libvirt}:
   * its entries live in their own directory ({@link #cacheDirOf}) and carry its {@code selfvers}.
   */
  static Options forHost(HostFacts host, Consumer<String> warnings, Optional<Path> cacheDir,
      LibvirtVersion libvirt) {
    Options plain = forHost(host, warnings, libvirt);
    if (cacheDir.isEmpty()) {
      return plain;
    }
    Path dir = cacheDirOf(cacheDir.get(), libvirt);
    HostKey key = LiveHostKey.read(host, libvirt);
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
  static CachedLookup cachedLookup(HostKey key, Path cacheDir, Consumer<String> warnings) {
    // A prober that remembers nothing (the cache does), with the TCG phase's QEMU started
    // while the first phase is still answering.
    if (!OVERLAP) {
      return new CachedLookup(new CapsCache(cacheDir, key,
          LiveProber.live(x -> ProbeContexts.live(x, key)), warnings));
    }
    return new CachedLookup(new CapsCache(cacheDir, key, b -> {
      OverlappingConnector c = new OverlappingConnector(Path.of(b), LaunchSettings.defaults());
      try {
        return new LiveProber(x -> c, x -> ProbeContexts.live(x, key)).probe(b);
      } finally {
        try {
          c.close();
        } catch (IOException e) {
          warnings.accept("cannot stop the early TCG probe of " + b + ": " + e.getMessage());
        }
      }
    }, warnings));
  }

  /** libvirt's name of this host's arch, from the kernel ({@code uname -m}) without a process. */
  public static String hostArch() {
    return LibvirtArch.host();
  }

  /** Options for this host with the settings of {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Live options with what a long-running service may choose: where the emulators are searched,
   * which firmware descriptor directories are read, the capability cache, the libvirt release.
   * Unset parts are as {@link #forThisHost(Consumer, Optional, LibvirtVersion)} has them.
   */
  public static final class Builder {
    private Consumer<String> warnings = w -> { };
    private Optional<Path> cacheDir = Optional.empty();
    private LibvirtVersion libvirt = LibvirtVersion.V9_0;
    private Optional<String> emulatorPath = Optional.empty();
    private Optional<List<Path>> firmwareDirs = Optional.empty();

    private Builder() {}

    /** Receives what libvirt would only log (default: dropped). */
    public Builder warnings(Consumer<String> v) {
      warnings = Objects.requireNonNull(v, "warnings");
      return this;
    }

    /** The capability cache directory ({@link CapabilityCache#location}); default: none. */
    public Builder cacheDir(Path v) {
      cacheDir = Optional.of(v);
      return this;
    }

    public Builder libvirt(LibvirtVersion v) {
      libvirt = Objects.requireNonNull(v, "libvirt");
      return this;
    }

    /**
     * Searches the default emulators along {@code searchPath} (a PATH value, relative entries
     * against the working directory) instead of this process's PATH.
     */
    public Builder emulatorPath(String searchPath) {
      emulatorPath = Optional.of(searchPath);
      return this;
    }

    /** Reads firmware descriptors from {@code dirs} (lowest priority first) only. */
    public Builder firmwareDirs(List<Path> dirs) {
      firmwareDirs = Optional.of(List.copyOf(dirs));
      return this;
    }

    public Options build() {
      LiveHostFacts base = new LiveHostFacts();
      HostFacts host = base;
      if (emulatorPath.isPresent()) {
        ProgramSearch search = ThisHost.search(emulatorPath);
        host = HostFacts.overriding(base)
            .defaultEmulator(arch -> DefaultEmulator.find(base.arch(), arch, search)).build();
      }
      Options o = forHost(host, warnings, cacheDir, libvirt);
      if (firmwareDirs.isPresent()) {
        // The directories replace libvirt's; the parsed-descriptor memo (keyed on each file's
        // identity and times) applies to them as to any.
        FirmwareCapsResolver fw = new FirmwareCapsResolver(new FirmwareRoots(firmwareDirs.get()),
            warnings::accept);
        if (cacheDir.isPresent()) {
          Path dir = cacheDirOf(cacheDir.get(), libvirt);
          fw = fw.withMemo(new FirmwareDescriptorMemo(dir,
              LiveHostKey.read(host, libvirt).selfCtime()));
        }
        o = o.toBuilder().firmware(fw).build();
      }
      return o;
    }
  }
}

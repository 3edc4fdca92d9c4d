// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.host.KvmSupportedCpuid;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.probe.ProbeContext;

/**
 * {@link ProbeContext} for probing a binary on this host, with the facts libvirt 9.0.0 records
 * beside the capabilities (qemu_capabilities.c virQEMUCapsNewForBinaryInternal and
 * virQEMUCapsCacheNew): the binary's ctime, the QEMU module directory's mtime, the host CPU
 * signature and microcode version from {@code /proc/cpuinfo}, the kernel's "release version", and
 * from {@link HostFacts} the arch, the KVM-supported CPUID and the KVM nesting / secure-guest
 * settings. The probe stores the host facts only when it found an accelerator, as libvirt does.
 */
public final class LiveProbeContext {
  /** libvirt 9.0.0, the version whose cache format we write. */
  public static final long LIBVIRT_VERSION = 9_000_000;

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private LiveProbeContext() {}

  /** Reads this host's facts for probing {@code binary} (its path exactly as given). */
  public static ProbeContext forBinary(Path binary) throws IOException {
    return forBinary(binary, new LiveHostFacts());
  }

  /** As {@link #forBinary(Path)}, with the arch and KVM facts taken from {@code host}. */
  public static ProbeContext forBinary(Path binary, HostFacts host) throws IOException {
    String arch = host.arch();
    FileTime ctime = EmulatorBinaryCheck.requireExecutable(binary);
    ProbeContext.Builder b =
        ProbeContext.builder(binary.toString())
            .hostArch(arch)
            .qemuCtime(ctime.to(TimeUnit.SECONDS))
            .qemuModDirMtime(moduleDirMtime(arch).orElse(null))
            .selfCtime(selfCtime())
            .selfVersion(LIBVIRT_VERSION)
            .microcodeVersion(microcodeVersion(arch))
            .hostCpuSignature(cpuSignature(arch).orElse(null))
            .kernelVersion(kernelVersion().orElse(null))
            .kvmSupportsNesting(host.kvmNestingEnabled())
            .kvmSupportsSecureGuest(host.kvmSupportsSecureGuest());
    if (LibvirtArch.isX86(arch)) {
      KvmSupportedCpuid.cpuDataXml(KvmDevice.PATH).ifPresent(b::cpuDataXml);
    }
    return b.build();
  }


  /**
   * QEMU_MODDIR is a build option of libvirt: Debian's {@code /usr/lib/<multiarch>/qemu}, else
   * {@code LIBDIR/qemu} with LIBDIR {@code /usr/lib64} or {@code /usr/lib}. Empty when absent.
   */
  static Optional<Long> moduleDirMtime(String arch) {
    String triplet =
        switch (arch) {
          case "x86_64" -> "x86_64-linux-gnu";
          case "aarch64" -> "aarch64-linux-gnu";
          case "ppc64le" -> "powerpc64le-linux-gnu";
          case "s390x" -> "s390x-linux-gnu";
          case "i686" -> "i386-linux-gnu";
          default -> arch + "-linux-gnu";
        };
    for (Path dir :
        List.of(
            Path.of("/usr/lib", triplet, "qemu"),
            Path.of("/usr/lib64/qemu"),
            Path.of("/usr/lib/qemu"))) {
      if (Files.isDirectory(dir)) {
        try {
          return Optional.of(Files.getLastModifiedTime(dir).to(TimeUnit.SECONDS));
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * libvirt records its own ctime so that an upgraded libvirt re-probes; ours is the ctime of the
   * jar (or class directory) this class was loaded from.
   */
  static long selfCtime() {
    try {
      Path self =
          Path.of(
              LiveProbeContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return ((FileTime) Files.getAttribute(self, "unix:ctime")).to(TimeUnit.SECONDS);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return 0;
    }
  }

  /** virHostCPUGetMicrocodeVersion: x86 only; "microcode : 0x..." in the first 4 KiB. */
  static long microcodeVersion(String arch) {
    if (!LibvirtArch.isX86(arch)) {
      return 0;
    }
    try (var in = Files.newInputStream(CPUINFO)) {
      String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      int at = head.indexOf("microcode");
      int colon = at < 0 ? -1 : head.indexOf(':', at);
      if (colon < 0) {
        return 0;
      }
      String v = head.substring(colon + 1).strip().split("\\s", 2)[0];
      long value =
          v.startsWith("0x") || v.startsWith("0X")
              ? Long.parseLong(v.substring(2), 16)
              : Long.parseLong(v);
      return value <= 0xFFFF_FFFFL ? value : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** virHostCPUReadSignature: the first of each field in /proc/cpuinfo, per arch family. */
  static Optional<String> cpuSignature(String arch) {
    List<String> lines;
    try {
      lines = Files.readAllLines(CPUINFO);
    } catch (IOException e) {
      return Optional.empty();
    }
    boolean x86 = LibvirtArch.isX86(arch);
    boolean ppc64 = LibvirtArch.isPpc64(arch);
    boolean s390 = LibvirtArch.isS390(arch);
    String[] keys =
        x86
            ? new String[] {"vendor_id", "model name", "cpu family", "model", "stepping"}
            : ppc64
                ? new String[] {"cpu", "revision"}
                : s390 ? new String[] {"vendor_id", "processor 0", "facilities"} : new String[0];
    if (keys.length == 0) {
      return Optional.empty();
    }
    String[] values = new String[keys.length];
    int found = 0;
    for (String line : lines) {
      int sep = line.indexOf(": ");
      if (sep < 0) {
        continue;
      }
      String key = line.substring(0, sep).strip();
      String value = line.substring(sep + 2).strip();
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key) && values[i] == null) {
          values[i] = value;
          found++;
        }
      }
      if (found == keys.length) {
        if (x86) {
          return Optional.of(
              String.format(
                  "%s, %s, family: %s, model: %s, stepping: %s",
                  values[0], values[1], values[2], values[3], values[4]));
        }
        if (ppc64) {
          return Optional.of(values[0] + ", rev " + values[1]);
        }
        return Optional.of(values[0] + ", " + values[1] + ", facilities: " + values[2]);
      }
    }
    return Optional.empty();
  }

  /** uname's "release version", as libvirt formats it. */
  static Optional<String> kernelVersion() {
    Optional<String> release = readTrimmed(Path.of("/proc/sys/kernel/osrelease"));
    Optional<String> version = readTrimmed(Path.of("/proc/sys/kernel/version"));
    return release.isPresent() && version.isPresent()
        ? Optional.of(release.get() + " " + version.get())
        : Optional.empty();
  }


  private static Optional<String> readTrimmed(Path p) {
    try {
      return Optional.of(Files.readString(p).strip());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

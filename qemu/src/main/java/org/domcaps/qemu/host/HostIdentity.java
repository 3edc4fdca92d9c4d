// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;
import org.domcaps.model.LibvirtVersion;

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

/**
 * The identity facts libvirt 9.0.0 records beside a probe and keys its capability cache on
 * (virQEMUCapsNewForBinaryInternal, virQEMUCapsIsValid, virhostcpu.c): file ctimes, QEMU's module
 * directory, the prober's own ctime and version, the host CPU signature, the microcode version and
 * the kernel version. One reader for the probe context and for the cache key, so the two cannot
 * disagree. Only files are read: no native code.
 */
public final class HostIdentity {
  /** libvirt 9.0.0's version number, recorded as {@code selfvers}. */
  public static final long LIBVIRT_VERSION = 9_000_000L;

  /** libvirt's packed version number of a release ({@code selfvers}: 11003000 for 11.3.0). */
  public static long versionNumber(LibvirtVersion v) {
    return v.major() * 1_000_000L + v.minor() * 1_000L + v.micro();
  }

  /** The supported release whose {@code selfvers} this is; 9.0.0 for any other number. */
  public static LibvirtVersion releaseOf(long selfVersion) {
    for (LibvirtVersion v : LibvirtVersion.SUPPORTED) {
      if (versionNumber(v) == selfVersion) {
        return v;
      }
    }
    return LibvirtVersion.V9_0;
  }

  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private HostIdentity() {}

  /** st_ctime in seconds, as libvirt stores it. */
  public static long ctimeSeconds(Path p) throws IOException {
    return ((FileTime) Files.getAttribute(p, "unix:ctime")).to(TimeUnit.SECONDS);
  }

  /**
   * libvirt records its own ctime so that an upgraded libvirt re-probes; ours is the ctime of the
   * jar (or class directory) domcaps runs from. 0 when it cannot be read.
   */
  public static long selfCtime() {
    try {
      return ctimeSeconds(
          Path.of(HostIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * mtime of QEMU's module directory (libvirt's build-time QEMU_MODDIR: Debian's
   * {@code /usr/lib/<multiarch>/qemu}, else {@code /usr/lib64/qemu} or {@code /usr/lib/qemu});
   * empty when none exists.
   */
  public static Optional<Long> moduleDirMtime(String hostArch) {
    String triplet =
        switch (hostArch) {
          case "x86_64" -> "x86_64-linux-gnu";
          case "aarch64" -> "aarch64-linux-gnu";
          case "ppc64le" -> "powerpc64le-linux-gnu";
          case "s390x" -> "s390x-linux-gnu";
          case "i686" -> "i386-linux-gnu";
          default -> hostArch + "-linux-gnu";
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
   * virHostCPUGetMicrocodeVersion: x86 only; the number after the first "microcode ... :" in the
   * first 4 KiB of /proc/cpuinfo, read as strtoul with base 0; 0 when absent or not 32-bit.
   */
  public static long microcodeVersion(String hostArch) {
    if (!LibvirtArch.isX86(hostArch)) {
      return 0;
    }
    try (var in = Files.newInputStream(CPUINFO)) {
      return microcode(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return 0;
    }
  }

  static long microcode(String head) {
    int at = head.indexOf("microcode");
    int colon = at < 0 ? -1 : head.indexOf(':', at);
    if (colon < 0) {
      return 0;
    }
    String rest = head.substring(colon + 1).stripLeading();
    int end = 0;
    while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
      end++;
    }
    String n = rest.substring(0, end);
    try {
      long v =
          n.startsWith("0x") || n.startsWith("0X")
              ? Long.parseLong(n.substring(2), 16)
              : n.length() > 1 && n.startsWith("0")
                  ? Long.parseLong(n.substring(1), 8)
                  : Long.parseLong(n);
      return v > 0xFFFF_FFFFL ? 0 : v;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** virHostCPUReadSignature: the first of each field in /proc/cpuinfo, per arch family. */
  public static Optional<String> cpuSignature(String hostArch) {
    String cpuinfo;
    try {
      cpuinfo = Files.readString(CPUINFO);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return signature(hostArch, cpuinfo);
  }

  static Optional<String> signature(String arch, String cpuinfo) {
    String[] keys;
    String format;
    if (LibvirtArch.isX86(arch)) {
      keys = new String[] {"vendor_id", "model name", "cpu family", "model", "stepping"};
      format = "%s, %s, family: %s, model: %s, stepping: %s";
    } else if (LibvirtArch.isPpc64(arch)) {
      keys = new String[] {"cpu", "revision"};
      format = "%s, rev %s";
    } else if (LibvirtArch.isS390(arch)) {
      keys = new String[] {"vendor_id", "processor 0", "facilities"};
      format = "%s, %s, facilities: %s";
    } else {
      return Optional.empty();
    }
    String[] values = new String[keys.length];
    int found = 0;
    for (String line : cpuinfo.split("\n", -1)) {
      int sep = line.indexOf(": ");
      if (sep < 0) {
        continue;
      }
      String k = line.substring(0, sep).strip();
      for (int i = 0; i < keys.length; i++) {
        if (values[i] == null && keys[i].equals(k)) {
          values[i] = line.substring(sep + 2).strip();
          found++;
        }
      }
      if (found == keys.length) {
        return Optional.of(String.format(format, (Object[]) values));
      }
    }
    return Optional.empty();
  }

  /** uname's "release version", as libvirt stores it; empty when either part is unreadable. */
  public static Optional<String> kernelVersion() {
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

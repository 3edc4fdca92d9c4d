// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * Reads this host's {@link HostKey} the way libvirt 9.0.0 reads each part (virhostcpu.c,
 * qemu_capabilities.c). Only files are read: no native code, so it is cheap on the warm path.
 */
public final class LiveHostKey {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private LiveHostKey() {}

  /** This host's key; {@code hostArch} as the rest of the live path computed it. */
  public static HostKey read(String hostArch) {
    String cpuinfo = readOrEmpty(CPUINFO);
    return new HostKey(
        hostArch,
        mtimeSeconds(moduleDir(hostArch)),
        selfCtime(),
        HostKey.LIBVIRT_VERSION,
        kvmUsable(Path.of("/dev/kvm")),
        signature(hostArch, cpuinfo),
        LibvirtArch.isX86(hostArch) ? microcode(cpuinfo) : 0,
        kernelVersion(),
        nesting(),
        secureGuest(hostArch));
  }

  /**
   * QEMU's module directory (libvirt's build-time QEMU_MODDIR). Debian puts it under the
   * multiarch lib dir, other distributions under {@code /usr/lib64/qemu} or {@code /usr/lib/qemu}.
   */
  static Path moduleDir(String hostArch) {
    String triplet = switch (hostArch) {
      case "x86_64" -> "x86_64-linux-gnu";
      case "aarch64" -> "aarch64-linux-gnu";
      case "i686" -> "i386-linux-gnu";
      case "ppc64le" -> "powerpc64le-linux-gnu";
      case "s390x" -> "s390x-linux-gnu";
      default -> hostArch + "-linux-gnu";
    };
    for (String p : new String[] {"/usr/lib/" + triplet + "/qemu", "/usr/lib64/qemu"}) {
      if (Files.isDirectory(Path.of(p))) {
        return Path.of(p);
      }
    }
    return Path.of("/usr/lib/qemu");
  }

  static Optional<Long> mtimeSeconds(Path p) {
    try {
      return Optional.of(Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.SECONDS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** st_ctime in seconds, as libvirt stores it. */
  static long ctimeSeconds(Path p) throws IOException {
    FileTime t = (FileTime) Files.getAttribute(p, "unix:ctime");
    return t.to(java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * The ctime of the jar (or class directory) holding domcaps: a rebuilt or upgraded domcaps
   * invalidates every entry, as a new libvirtd binary does for libvirt.
   */
  static long selfCtime() {
    try {
      Path code = Path.of(LiveHostKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return ctimeSeconds(code);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return 0;
    }
  }

  /** libvirt checks R_OK|W_OK with access(2) as the run user (here: ourselves). */
  static boolean kvmUsable(Path dev) {
    return Files.exists(dev) && Files.isReadable(dev) && Files.isWritable(dev);
  }

  /** virHostCPUReadSignature: the first of each field, lines split at the first ": ". */
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

  /** virHostCPUGetMicrocodeVersion: the number after the first "microcode ... :", base 0. */
  static long microcode(String cpuinfo) {
    int at = cpuinfo.indexOf("microcode");
    int colon = at < 0 ? -1 : cpuinfo.indexOf(':', at);
    if (colon < 0) {
      return 0;
    }
    String rest = cpuinfo.substring(colon + 1).stripLeading();
    int end = 0;
    while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
      end++;
    }
    String n = rest.substring(0, end);
    try {
      long v = n.startsWith("0x") || n.startsWith("0X")
          ? Long.parseLong(n.substring(2), 16)
          : n.length() > 1 && n.startsWith("0") ? Long.parseLong(n.substring(1), 8) : Long.parseLong(n);
      return v > 0xFFFF_FFFFL ? 0 : v;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** uname's "release version", as libvirt stores it. */
  static Optional<String> kernelVersion() {
    String release = readOrEmpty(Path.of("/proc/sys/kernel/osrelease")).strip();
    String version = readOrEmpty(Path.of("/proc/sys/kernel/version")).strip();
    return release.isEmpty() ? Optional.empty() : Optional.of(release + " " + version);
  }

  /** virQEMUCapsKVMSupportsNesting: the first existing {@code nested} parameter decides. */
  static boolean nesting() {
    for (String mod : new String[] {"kvm_intel", "kvm_amd", "kvm_hv", "kvm"}) {
      Path p = Path.of("/sys/module/" + mod + "/parameters/nested");
      if (!Files.exists(p)) {
        continue;
      }
      String v = readOrEmpty(p);
      return !v.isEmpty() && "Yy1".indexOf(v.charAt(0)) >= 0;
    }
    return false;
  }

  /** virQEMUCapsKVMSupportsSecureGuest for x86 (SEV) and s390 (protected virtualization). */
  static boolean secureGuest(String hostArch) {
    if (LibvirtArch.isX86(hostArch)) {
      String v = readOrEmpty(Path.of("/sys/module/kvm_amd/parameters/sev")).strip();
      return (v.equals("1") || v.startsWith("Y") || v.startsWith("y"))
          && Files.exists(Path.of("/dev/sev"));
    }
    if (LibvirtArch.isS390(hostArch)) {
      return Files.isDirectory(Path.of("/sys/firmware/uv"))
          && readOrEmpty(Path.of("/proc/cmdline")).contains("prot_virt");
    }
    return false;
  }

  private static String readOrEmpty(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}

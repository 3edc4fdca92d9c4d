// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.host.InstalledLibvirt;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.host.ProcessIdentity;
import org.domcaps.qemu.host.ProgramSearch;

/**
 * Facts of the machine this process runs on that tools need beside the answers: who we run as,
 * the installed libvirt, KVM's System Management Mode, and the files a long-running service
 * watches to know when answers go stale. Stateless and thread-safe; every call reads afresh.
 */
public final class ThisHost {
  private ThisHost() {}

  /** libvirt's name of this host's arch ({@code uname -m}), read without starting a process. */
  public static String arch() {
    return LibvirtArch.host();
  }

  /** Whether this process runs as root, as libvirt's system daemon does (euid 0). */
  public static boolean privileged() {
    return ProcessIdentity.privileged();
  }

  /**
   * The libvirt release domcaps answers as by default: the installed libvirt's ({@code
   * libvirt.so.0.X.Y}) when domcaps supports it, else the newest it supports.
   */
  public static LibvirtVersion defaultLibvirtRelease() {
    return InstalledLibvirt.defaultRelease();
  }

  /**
   * Whether KVM emulates System Management Mode for x86 guests (without it {@code -machine
   * smm=on} fails); empty when {@code /dev/kvm} does not open.
   */
  public static Optional<Boolean> kvmX86Smm() {
    return Optional.ofNullable(KvmDevice.x86Smm(KvmDevice.PATH));
  }

  /** The mtime of QEMU's module directory (part of libvirt's cache validity); empty if none. */
  public static Optional<Long> qemuModuleDirMtime() {
    return HostIdentity.moduleDirMtime(LibvirtArch.host());
  }

  /** {@code name} found along this process's PATH as libvirt finds programs; empty if absent. */
  public static Optional<String> findProgram(String name) {
    return ProgramSearch.live().find(name);
  }

  /**
   * The directories emulators are searched in: those of {@code searchPath} (a PATH value; empty:
   * this process's PATH, or libvirt's default when unset), relative ones against the working
   * directory, in order (a directory may repeat).
   */
  public static List<Path> programDirs(Optional<String> searchPath) {
    ProgramSearch search = search(searchPath);
    String path = search.path() != null ? search.path() : "/bin:/usr/bin:.";
    List<Path> out = new ArrayList<>();
    for (String dir : path.split(":", -1)) {
      out.add(search.cwd().resolve(dir.isEmpty() ? "." : dir));
    }
    return out;
  }

  static ProgramSearch search(Optional<String> searchPath) {
    return searchPath.map(p -> new ProgramSearch(p, Path.of("").toAbsolutePath()))
        .orElseGet(ProgramSearch::live);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.ProgramSearch;
import org.domcaps.qemu.host.SevGuestLimits;
import org.domcaps.qemu.host.Swtpm;

/**
 * Host facts with the two expensive ones remembered in the cache directory, each under a key that
 * changes whenever the fact can:
 *
 * <ul>
 *   <li>swtpm: running {@code swtpm_setup --print-capabilities} costs a process; kept while the
 *       three swtpm binaries found in PATH are the same files (path, size, mtime, ctime, inode) —
 *       libvirt keeps it in memory and re-runs the tool when a binary's mtime changes.
 *   <li>the KVM vCPU limit: an ioctl needing JNA; it is a constant of the running kernel's KVM,
 *       kept for this boot ({@code boot_id}) of this kernel ("release version").
 * </ul>
 *
 * Everything else is read live from the wrapped facts at every call.
 */
public final class MemoHostFacts implements HostFacts {
  /** A memo is two short lines. */
  private static final long MAX_MEMO_BYTES = 64 << 10;

  private final HostFacts live;
  private final Path dir;

  public MemoHostFacts(HostFacts live, Path cacheDir) {
    this.live = live;
    this.dir = cacheDir;
  }

  @Override
  public Swtpm swtpm() {
    StringBuilder key = new StringBuilder("swtpm");
    for (String b : List.of("swtpm", "swtpm_setup", "swtpm_ioctl")) {
      Optional<String> p = ProgramSearch.live().find(b);
      key.append(' ').append(p.orElse("-")).append(' ')
          .append(p.map(MemoHostFacts::state).orElse("-"));
    }
    return remembered("swtpm.txt", key.toString(), live::swtpm,
        s -> s.present() + " " + String.join(",", s.tpmVersions()),
        t -> {
          String[] parts = t.split(" ", 2);
          boolean present = Boolean.parseBoolean(parts[0]);
          List<String> v = parts.length < 2 || parts[1].isEmpty()
              ? List.of() : List.of(parts[1].split(","));
          return new Swtpm(present, v);
        });
  }

  @Override
  public int kvmMaxVcpus() {
    // access(2), as libvirt's own check: asking live.kvmUsable() would load JNA.
    if (!LiveHostKey.kvmUsable(Path.of("/dev/kvm"))) {
      return live.kvmMaxVcpus(); // libvirt's error (or answer) from the device itself
    }
    String key = "kvm " + read("/proc/sys/kernel/random/boot_id") + " "
        + read("/proc/sys/kernel/osrelease") + " " + read("/proc/sys/kernel/version");
    return remembered("kvm-max-vcpus.txt", key, live::kvmMaxVcpus, String::valueOf,
        Integer::parseInt);
  }

  private <T> T remembered(String name, String key, Supplier<T> fresh,
      java.util.function.Function<T, String> format, java.util.function.Function<String, T> parse) {
    Path file = dir.resolve(name);
    try {
      List<String> lines = new String(CacheFiles.read(file, MAX_MEMO_BYTES),
          java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      if (lines.size() == 2 && lines.get(0).equals(key)) {
        return parse.apply(lines.get(1));
      }
    } catch (IOException | RuntimeException e) {
      // not remembered yet, or unreadable: ask
    }
    T value = fresh.get();
    try {
      Files.createDirectories(dir);
      CacheFiles.replace(file, (key + "\n" + format.apply(value) + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // only the speed-up is lost
    }
    return value;
  }

  static String state(String path) {
    try {
      Map<String, Object> a = Files.readAttributes(Path.of(path),
          "unix:size,lastModifiedTime,ctime,ino");
      return a.get("size") + "/" + a.get("lastModifiedTime") + "/" + a.get("ctime") + "/"
          + a.get("ino");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  @Override public String arch() { return live.arch(); }
  @Override public boolean privileged() { return live.privileged(); }
  @Override public boolean kvmUsable() { return live.kvmUsable(); }
  @Override public boolean kvmNestingEnabled() { return live.kvmNestingEnabled(); }
  @Override public boolean vfioUsable() { return live.vfioUsable(); }
  @Override public List<String> pciBackends(QemuCaps caps) { return live.pciBackends(caps); }
  @Override public boolean kvmSupportsSecureGuest() { return live.kvmSupportsSecureGuest(); }
  @Override public SevHost sev() { return live.sev(); }
  @Override public SevGuestLimits sevGuestLimits() { return live.sevGuestLimits(); }
  @Override public Optional<String> defaultEmulator(String guestArch) {
    return live.defaultEmulator(guestArch);
  }

  @Override public boolean qemuRdpAvailable() {
    return live.qemuRdpAvailable();
  }
}

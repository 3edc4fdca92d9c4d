// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * SEV guest limits from CPUID leaf 0x8000001F, which libvirt executes itself. Java cannot run
 * CPUID, so this reads the kernel's {@code /dev/cpu/0/cpuid} (cpuid driver, root only: a read of
 * 16 bytes at offset LEAF gives EAX, EBX, ECX, EDX); when that is unavailable, the misc cgroup
 * capacities {@code sev} and {@code sev_es} that KVM registers from the same two registers
 * (ECX−EDX+1 and EDX−1) are used. Neither: 0/0, as libvirt on a host without the leaf.
 */
final class SevHostProbe {
  static final long SEV_LEAF = 0x8000001FL;

  private SevHostProbe() {}

  static SevGuestLimits guestLimits(Path fsRoot) {
    Optional<int[]> regs = cpuid(fsRoot.resolve("dev/cpu/0/cpuid"), SEV_LEAF);
    if (regs.isPresent()) {
      return SevGuestLimits.fromCpuid(
          Integer.toUnsignedLong(regs.get()[2]), Integer.toUnsignedLong(regs.get()[3]));
    }
    return miscCgroup(fsRoot.resolve("sys/fs/cgroup/misc.capacity")).orElse(SevGuestLimits.NONE);
  }

  /** EAX, EBX, ECX, EDX of a leaf (subleaf 0) through the cpuid device, empty if unreadable. */
  static Optional<int[]> cpuid(Path device, long leaf) {
    try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      while (buf.hasRemaining()) {
        if (ch.read(buf, leaf + buf.position()) < 0) {
          return Optional.empty();
        }
      }
      buf.flip();
      return Optional.of(new int[] {buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt()});
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** {@code sev N} / {@code sev_es M} lines of the root misc cgroup; empty without an sev line. */
  static Optional<SevGuestLimits> miscCgroup(Path capacity) {
    List<String> lines;
    try {
      lines = Files.readAllLines(capacity);
    } catch (IOException e) {
      return Optional.empty();
    }
    Long sev = null;
    long sevEs = 0;
    for (String line : lines) {
      String[] kv = line.trim().split("\\s+");
      if (kv.length == 2 && kv[0].equals("sev")) {
        sev = Long.parseLong(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("sev_es")) {
        sevEs = Long.parseLong(kv[1]);
      }
    }
    return sev == null || sev == 0 ? Optional.empty()
        : Optional.of(new SevGuestLimits(sev, sevEs));
  }
}

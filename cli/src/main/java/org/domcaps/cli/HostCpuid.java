// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The host CPU's features as the CPUID instruction reports them, decoded with libvirt's x86 CPU
 * map: what libvirt compares a KVM guest's CPU with (virCPUx86GetHost runs CPUID itself, so the
 * kernel's own view in /proc/cpuinfo, which may hide features, is not it). Read through Linux's
 * {@code /dev/cpu/0/cpuid} (the file offset carries EAX in the low and ECX in the high 32 bits).
 */
final class HostCpuid {
  private static final String MAP = "/org/domcaps/qemu/cpu/x86-cpu-map.txt";
  private static final Path DEVICE = Path.of("/dev/cpu/0/cpuid");

  private HostCpuid() {}

  /** The features, or empty when the CPUID device or the map cannot be read. */
  static Optional<Set<String>> features() {
    Set<String> out = new HashSet<>();
    try (InputStream in = HostCpuid.class.getResourceAsStream(MAP);
        FileChannel cpuid = FileChannel.open(DEVICE, StandardOpenOption.READ)) {
      if (in == null) {
        return Optional.empty();
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        // feature NAME cpuid LEAF SUBLEAF REG BIT
        String[] w = line.split(" ");
        if (w.length >= 7 && w[0].equals("feature") && w[2].equals("cpuid")) {
          long leaf = Long.decode(w[3]);
          long subleaf = Long.decode(w[4]);
          int[] regs = read(cpuid, leaf | (subleaf << 32));
          int reg = switch (w[5]) {
            case "eax" -> regs[0];
            case "ebx" -> regs[1];
            case "ecx" -> regs[2];
            default -> regs[3];
          };
          if ((reg >>> Integer.parseInt(w[6]) & 1) != 0) {
            out.add(w[1]);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static int[] read(FileChannel cpuid, long position) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (cpuid.read(b, position + b.position()) < 0) {
        throw new IOException("short CPUID read");
      }
    }
    b.flip();
    return new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt()};
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host CPUID data libvirt stores in the capability cache ({@code <cpudata arch='x86'>}): the
 * KVM_GET_SUPPORTED_CPUID ioctl on {@code /dev/kvm} (virhostcpu.c virHostCPUGetCPUID), with the
 * per-core volatile fields cleared, all-zero leaves skipped and entries sorted by leaf and subleaf
 * (cpu_x86.c virCPUx86DataGetHost, virCPUx86DataFormat). The ioctl goes through {@link Libc}.
 */
public final class KvmSupportedCpuid {
  /** _IOWR(KVMIO=0xAE, 0x05, struct kvm_cpuid2 (8 bytes)). */
  private static final long KVM_GET_SUPPORTED_CPUID = 0xC008AE05L;

  private static final int E2BIG = 7;
  private static final int ENTRY_BYTES = 40;
  private static final int HEADER_BYTES = 8;


  /** One CPUID answer. */
  record Leaf(int eaxIn, int ecxIn, int eax, int ebx, int ecx, int edx) {
    boolean allZero() {
      return eax == 0 && ebx == 0 && ecx == 0 && edx == 0;
    }
  }

  private KvmSupportedCpuid() {}

  /**
   * libvirt's {@code <cpudata>} fragment from the KVM device at {@code path}, or empty when it
   * cannot be asked (libvirt too).
   */
  public static Optional<String> cpuDataXml(String path) {
    try {
      return Optional.of(format(read(path)));
    } catch (LastErrorException | LinkageError e) {
      // LinkageError: JNA cannot load its native part (e.g. no usable /dev/urandom or tmp).
      return Optional.empty();
    }
  }

  private static List<Leaf> read(String path) {
    Libc libc = Libc.INSTANCE;
    int fd = libc.open(path, Libc.O_RDONLY);
    try {
      for (int n = 64; n <= 65536; n *= 2) {
        Memory buf = new Memory(HEADER_BYTES + (long) ENTRY_BYTES * n);
        buf.clear();
        buf.setInt(0, n);
        try {
          libc.ioctl(fd, new NativeLong(KVM_GET_SUPPORTED_CPUID), buf);
        } catch (LastErrorException e) {
          if (e.getErrorCode() == E2BIG) {
            continue;
          }
          throw e;
        }
        int count = buf.getInt(0);
        List<Leaf> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          long o = HEADER_BYTES + (long) ENTRY_BYTES * i;
          // function, index, flags, eax, ebx, ecx, edx, padding[3]
          leaves.add(
              new Leaf(
                  buf.getInt(o),
                  buf.getInt(o + 4),
                  buf.getInt(o + 12),
                  buf.getInt(o + 16),
                  buf.getInt(o + 20),
                  buf.getInt(o + 24)));
        }
        return leaves;
      }
      throw new LastErrorException(E2BIG);
    } finally {
      libc.close(fd);
    }
  }

  /** Applies libvirt's volatile-field filter, drops all-zero leaves, sorts, formats. */
  static String format(List<Leaf> raw) {
    boolean amd =
        raw.stream()
            .anyMatch(
                l ->
                    l.eaxIn() == 0
                        && l.ecxIn() == 0
                        && l.ebx() == 0x68747541
                        && l.edx() == 0x69746e65
                        && l.ecx() == 0x444d4163);
    StringBuilder sb = new StringBuilder("<cpudata arch='x86'>\n");
    raw.stream()
        .map(l -> filterVolatile(l, amd))
        .filter(l -> !l.allZero())
        .sorted(
            Comparator.comparingLong((Leaf l) -> Integer.toUnsignedLong(l.eaxIn()))
                .thenComparingLong(l -> Integer.toUnsignedLong(l.ecxIn())))
        .forEach(
            l ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  <cpuid eax_in='0x%08x' ecx_in='0x%08x' eax='0x%08x' ebx='0x%08x'"
                            + " ecx='0x%08x' edx='0x%08x'/>\n",
                        l.eaxIn(),
                        l.ecxIn(),
                        l.eax(),
                        l.ebx(),
                        l.ecx(),
                        l.edx())));
    return sb.append("</cpudata>").toString();
  }

  /** The local APIC id and AMD topology ids differ per core; libvirt clears them. */
  private static Leaf filterVolatile(Leaf l, boolean amd) {
    if (l.eaxIn() == 0x01 && l.ecxIn() == 0) {
      return new Leaf(l.eaxIn(), l.ecxIn(), l.eax(), l.ebx() & 0x00ffffff, l.ecx(), l.edx());
    }
    if (l.eaxIn() == 0x0b) {
      return new Leaf(l.eaxIn(), l.ecxIn(), l.eax(), l.ebx(), l.ecx(), l.edx() & 0xffffff00);
    }
    if (amd && l.eaxIn() == 0x8000001e) {
      return new Leaf(l.eaxIn(), l.ecxIn(), 0, 0, 0, 0);
    }
    return l;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.cpu.map.Ppc64CpuMap;

/**
 * Host CPU facts read from the running machine, as libvirt 9.0.0's daemon would obtain them.
 *
 * <p>x86: libvirt executes CPUID itself, which cannot fail on an x86 host, so detection succeeds;
 * the model libvirt would decode from it is not computed here (it only matters when QEMU gives no
 * host expansion, which every x86 QEMU libvirt 9.0.0 accepts does give), so it is left empty and
 * such a host-model is reported unsupported. ppc64: the processor version register, read from
 * {@code /proc/cpuinfo} ({@code pvr XXXX YYYY}) instead of the {@code mfpvr} instruction, mapped
 * through libvirt's ppc64 map. Other arches: libvirt has no detector.
 */
public final class LiveHostCpuFacts implements HostCpuFacts {
  private static final Pattern PVR =
      Pattern.compile("\\(pvr\\s+([0-9a-fA-F]{4})\\s+([0-9a-fA-F]{4})\\)");

  private final String arch;
  private final Path cpuinfo;

  /** Facts of this machine. */
  public LiveHostCpuFacts() {
    this(LibvirtArch.host(), Path.of("/proc/cpuinfo"));
  }

  /** Facts of a machine whose arch and {@code /proc/cpuinfo} are given (for tests). */
  public LiveHostCpuFacts(String arch, Path cpuinfo) {
    this.arch = arch;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public String arch() {
    return arch;
  }

  @Override
  public Optional<HostCpu> detect(String forArch, List<String> qemuModels) {
    CpuArchFamily family = CpuArchFamily.of(forArch);
    if (family != CpuArchFamily.of(arch)) {
      return Optional.empty();
    }
    switch (family) {
      case X86:
        return Optional.of(new HostCpu(Optional.empty(), Optional.empty(), List.of()));
      case PPC64: {
        OptionalLong pvr = pvr();
        if (pvr.isEmpty()) {
          return Optional.empty();
        }
        return Ppc64CpuMap.get().modelForPvr(pvr.getAsLong())
            .filter(m -> qemuModels == null || qemuModels.contains(m.name()))
            .map(m -> new HostCpu(Optional.of(m.name()), m.vendor(), List.of()));
      }
      default:
        return Optional.empty();
    }
  }

  @Override
  public int physAddrBits() {
    if (!LibvirtArch.isX86(arch)) {
      return 0;
    }
    try {
      Matcher m = ADDRESS_SIZES.matcher(Files.readString(cpuinfo));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** {@code address sizes\t: 46 bits physical, 48 bits virtual}. */
  private static final java.util.regex.Pattern ADDRESS_SIZES =
      java.util.regex.Pattern.compile("(?m)^address sizes\\s*:\\s*(\\d+) bits physical");

  private OptionalLong pvr() {
    try {
      Matcher m = PVR.matcher(Files.readString(cpuinfo));
      if (m.find()) {
        return OptionalLong.of(Long.parseLong(m.group(1) + m.group(2), 16));
      }
      return OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public String toString() {
    return "live host " + arch;
  }
}

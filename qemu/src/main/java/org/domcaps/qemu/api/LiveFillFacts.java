// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.SYSTEM_ERROR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.build.FillFacts;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.build.VirtType;
import org.domcaps.qemu.host.HostFactException;
import org.domcaps.qemu.host.KvmDevice;

/** The fill facts of this host, read at every request as libvirt does. */
final class LiveFillFacts implements FillFactsSource {
  private final Swtpm swtpm;
  private final Path kvmMemo;

  LiveFillFacts(Swtpm swtpm) {
    this(swtpm, null);
  }

  /**
   * @param kvmMemo a file remembering {@code /dev/kvm}'s vCPU limit for this boot of this kernel
   *     (a compile-time constant of the kernel's KVM), so that a warm answer need not load JNA
   *     for the ioctl; null to ask the device every time, as libvirt does
   */
  LiveFillFacts(Swtpm swtpm, Path kvmMemo) {
    this.swtpm = swtpm;
    this.kvmMemo = kvmMemo;
  }

  @Override
  public FillFacts factsFor(ResolvedRequest request) throws DomCapsException {
    int kvmMax = Integer.MAX_VALUE;
    if (VirtType.KVM.equals(request.virtType())) {
      kvmMax = kvmMaxVcpus();
    }
    return new FillFacts(kvmMax, HostVfio.live(), swtpm.versions(), Optional.empty(),
        Optional.empty());
  }

  private int kvmMaxVcpus() throws DomCapsException {
    String key = null;
    // Only while the device opens for us: otherwise the ioctl path reports libvirt's error.
    if (kvmMemo != null && Files.isReadable(Path.of(KvmDevice.PATH))) {
      key = read("/proc/sys/kernel/random/boot_id") + " " + read("/proc/sys/kernel/osrelease")
          + " " + read("/proc/sys/kernel/version");
      try {
        List<String> lines = Files.readAllLines(kvmMemo);
        if (lines.size() == 2 && lines.get(0).equals(key)) {
          return Integer.parseInt(lines.get(1));
        }
      } catch (IOException | RuntimeException e) {
        // not remembered yet
      }
    }
    int n;
    try {
      n = KvmDevice.maxVcpus(KvmDevice.PATH);
    } catch (HostFactException e) {
      throw new DomCapsException(SYSTEM_ERROR, e.getMessage(), e);
    }
    if (key != null) {
      try {
        Files.createDirectories(kvmMemo.getParent());
        Path tmp = Files.createTempFile(kvmMemo.getParent(), "kvm", ".tmp");
        Files.writeString(tmp, key + "\n" + n + "\n");
        Files.move(tmp, kvmMemo, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        // only the speed-up is lost
      }
    }
    return n;
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.arch.LibvirtArch;

/**
 * Host facts read from this machine the way libvirt reads them. File paths are resolved under
 * {@code fsRoot} ("/" live) so tests can point them at a fake tree; the swtpm answer is kept for
 * the lifetime of the object (libvirt keeps it until a binary changes).
 */
public final class LiveHostFacts implements HostFacts {
  private static final List<String> PROT_VIRT_ON = List.of("y", "Y", "on", "ON", "oN", "On", "1");
  private static final List<String> NESTED_MODULES =
      List.of("kvm_intel", "kvm_amd", "kvm_hv", "kvm");

  private final Path fsRoot;
  private final String unameMachine;
  private final ProgramSearch search;
  private Swtpm swtpm;

  /**
   * @param fsRoot where {@code /dev}, {@code /sys} and {@code /proc} are looked up
   * @param unameMachine {@code uname -m}
   * @param search PATH lookup for swtpm and emulators
   */
  public LiveHostFacts(Path fsRoot, String unameMachine, ProgramSearch search) {
    this.fsRoot = fsRoot;
    this.unameMachine = unameMachine;
    this.search = search;
  }

  /** This machine. */
  public LiveHostFacts() {
    this(Path.of("/"), LibvirtArch.unameMachine(), ProgramSearch.live());
  }


  private Path file(String absolute) {
    return fsRoot.resolve(absolute.substring(1));
  }

  @Override
  public String arch() {
    return LibvirtArch.fromUname(unameMachine);
  }

  @Override
  public boolean privileged() {
    return ProcessIdentity.privileged();
  }

  @Override
  public boolean kvmUsable() {
    return KvmDevice.usable(file(KvmDevice.PATH).toString());
  }

  @Override
  public int kvmMaxVcpus() {
    Path dev = file(KvmDevice.PATH);
    try {
      return KvmDevice.maxVcpus(dev.toString());
    } catch (HostFactException e) {
      throw new HostFactException(e.getMessage().replace(dev.toString(), KvmDevice.PATH));
    }
  }

  @Override
  public boolean kvmNestingEnabled() {
    return NESTED_MODULES.stream()
        .anyMatch(m -> moduleFlag("/sys/module/" + m + "/parameters/nested"));
  }

  @Override
  public boolean vfioUsable() {
    try (DirectoryStream<Path> groups =
        Files.newDirectoryStream(file("/sys/kernel/iommu_groups"))) {
      if (!groups.iterator().hasNext()) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    return Files.exists(file("/dev/vfio/vfio"));
  }

  @Override
  public boolean kvmSupportsSecureGuest() {
    String arch = arch();
    if (LibvirtArch.isS390(arch)) {
      if (!Files.isDirectory(file("/sys/firmware/uv"))) {
        return false;
      }
      return read("/proc/cmdline")
          .map(c -> KernelCmdline.matchFirstPrefix(c, "prot_virt", PROT_VIRT_ON))
          .orElse(false);
    }
    if (LibvirtArch.isX86(arch)) {
      return sev().sevEnabled() && Files.exists(file("/dev/sev"));
    }
    return false;
  }

  @Override
  public SevHost sev() {
    return new SevHost(moduleFlag("/sys/module/kvm_amd/parameters/sev"),
        moduleFlag("/sys/module/kvm_amd/parameters/sev_es"));
  }

  /** A kernel module parameter that starts with 1, Y or y (libvirt's test for "enabled"). */
  private boolean moduleFlag(String path) {
    return read(path).map(v -> !v.isEmpty() && "1Yy".indexOf(v.charAt(0)) >= 0).orElse(false);
  }

  @Override
  public SevGuestLimits sevGuestLimits() {
    return LibvirtArch.isX86(arch()) ? SevHostProbe.guestLimits(fsRoot) : SevGuestLimits.NONE;
  }

  @Override
  public synchronized Swtpm swtpm() {
    if (swtpm == null) {
      swtpm = SwtpmProbe.probe(search);
    }
    return swtpm;
  }

  @Override
  public Optional<String> defaultEmulator(String guestArch) {
    return DefaultEmulator.find(arch(), guestArch, search);
  }

  /** virFileReadValueString: the file's content without a trailing newline. */
  private Optional<String> read(String path) {
    try {
      String s = Files.readString(file(path));
      return Optional.of(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean qemuRdpAvailable() {
    return search.find("qemu-rdp").isPresent();
  }
}

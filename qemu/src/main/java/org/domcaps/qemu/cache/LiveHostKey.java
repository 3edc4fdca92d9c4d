// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;
import org.domcaps.model.LibvirtVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.host.HostFacts;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.host.LiveHostFacts;

/**
 * Reads this host's {@link HostKey} from the same readers the live probe context records
 * ({@link HostIdentity}, {@link LiveHostFacts}), so an entry probed here is valid for the key read
 * here. Only files are read: no native code, so it is cheap on the warm path.
 */
public final class LiveHostKey {
  private LiveHostKey() {}

  /** This host's key; {@code hostArch} as the rest of the live path computed it. */
  public static HostKey read(String hostArch) {
    return read(hostArch, LibvirtVersion.V9_0);
  }

  /** This host's key for answers as the libvirt release {@code libvirt} (its {@code selfvers}). */
  public static HostKey read(String hostArch, LibvirtVersion libvirt) {
    return read(hostArch, new LiveHostFacts(), libvirt);
  }

  /**
   * This host's key with the arch and the KVM nesting and secure-guest settings of {@code host}
   * (e.g. facts overridden for a test), the identity facts read from this host.
   */
  public static HostKey read(HostFacts host, LibvirtVersion libvirt) {
    return read(host.arch(), host, libvirt);
  }

  private static HostKey read(String hostArch, HostFacts host, LibvirtVersion libvirt) {
    return new HostKey(
        hostArch,
        HostIdentity.moduleDirMtime(hostArch),
        HostIdentity.selfCtime(),
        HostIdentity.versionNumber(libvirt),
        kvmUsable(Path.of("/dev/kvm")),
        HostIdentity.cpuSignature(hostArch),
        HostIdentity.microcodeVersion(hostArch),
        HostIdentity.kernelVersion(),
        host.kvmNestingEnabled(),
        host.kvmSupportsSecureGuest());
  }

  /** libvirt checks R_OK|W_OK with access(2) as the run user (here: ourselves). */
  static boolean kvmUsable(Path dev) {
    return Files.exists(dev) && Files.isReadable(dev) && Files.isWritable(dev);
  }
}

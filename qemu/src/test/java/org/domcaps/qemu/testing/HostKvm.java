// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import org.domcaps.qemu.host.KvmDevice;

/** Whether this test host can run KVM guests: {@code /dev/kvm} opens read-write for us. */
public final class HostKvm {
  private HostKvm() {}

  public static boolean usable() {
    return KvmDevice.usable(KvmDevice.PATH);
  }

  /** The message a KVM-dependent test skips with. */
  public static String skipMessage() {
    return "skipped: /dev/kvm is not usable on this host (absent or no read-write access),"
        + " so QEMU cannot use KVM here";
  }
}

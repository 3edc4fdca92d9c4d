// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whether this test host can run KVM guests: {@code /dev/kvm} opens read-write for us. */
public final class HostKvm {
  private static final Path DEV_KVM = Path.of("/dev/kvm");

  private HostKvm() {}

  public static boolean usable() {
    try (FileChannel ignored =
        FileChannel.open(DEV_KVM, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The message a KVM-dependent test skips with. */
  public static String skipMessage() {
    return "skipped: /dev/kvm is not usable on this host (absent or no read-write access),"
        + " so QEMU cannot use KVM here";
  }
}

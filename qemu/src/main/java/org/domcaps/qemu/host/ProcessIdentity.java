// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

/** The process's own identity as libvirt sees it. */
public final class ProcessIdentity {
  private ProcessIdentity() {}

  /** geteuid(). */
  public static int effectiveUid() {
    return Libc.INSTANCE.geteuid();
  }

  /** libvirt's embedded and system drivers are privileged when running as root. */
  public static boolean privileged() {
    return effectiveUid() == 0;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;

/** What libvirt asks {@code /dev/kvm}: whether it opens, and the vCPU limit (virhostcpu.c). */
public final class KvmDevice {
  public static final String PATH = "/dev/kvm";
  static final long KVM_CHECK_EXTENSION = 0xAE03L; // _IO(KVMIO=0xAE, 0x03)
  static final int KVM_CAP_NR_VCPUS = 9;
  static final int KVM_CAP_MAX_VCPUS = 66;
  static final int KVM_CAP_X86_SMM = 117;

  private KvmDevice() {}

  /** True when the device opens read-write for this process (libvirt checks R_OK|W_OK). */
  public static boolean usable(String path) {
    try {
      int fd = Libc.INSTANCE.open(path, Libc.O_RDWR);
      Libc.INSTANCE.close(fd);
      return true;
    } catch (LastErrorException e) {
      return false;
    }
  }

  /**
   * virHostCPUGetKVMMaxVCPUs: open read-only, KVM_CHECK_EXTENSION(KVM_CAP_MAX_VCPUS) if positive,
   * else KVM_CAP_NR_VCPUS if positive, else 4 (the kernel's documented default).
   *
   * @throws HostFactException {@code Unable to open /dev/kvm: <strerror>}
   */
  public static int maxVcpus(String path) {
    int fd;
    try {
      fd = Libc.INSTANCE.open(path, Libc.O_RDONLY);
    } catch (LastErrorException e) {
      throw new HostFactException(
          "Unable to open " + path + ": " + Libc.INSTANCE.strerror(e.getErrorCode()));
    }
    try {
      for (int cap : new int[] {KVM_CAP_MAX_VCPUS, KVM_CAP_NR_VCPUS}) {
        int n = checkExtension(fd, cap);
        if (n > 0) {
          return n;
        }
      }
      return 4;
    } finally {
      Libc.INSTANCE.close(fd);
    }
  }

  /**
   * Whether KVM emulates System Management Mode for x86 guests (QEMU's kvm_has_smm: without it
   * {@code -machine smm=on} fails, "System Management Mode not supported by this hypervisor");
   * null when the device does not open.
   */
  public static Boolean x86Smm(String path) {
    int fd;
    try {
      fd = Libc.INSTANCE.open(path, Libc.O_RDWR);
    } catch (LastErrorException e) {
      return null;
    }
    try {
      return checkExtension(fd, KVM_CAP_X86_SMM) > 0;
    } finally {
      Libc.INSTANCE.close(fd);
    }
  }

  private static int checkExtension(int fd, int cap) {
    try {
      return Libc.INSTANCE.ioctl(fd, new NativeLong(KVM_CHECK_EXTENSION), new NativeLong(cap));
    } catch (LastErrorException e) {
      return -1;
    }
  }
}

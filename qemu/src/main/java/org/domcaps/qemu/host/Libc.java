// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls Java cannot make itself: the {@code /dev/kvm} ioctls (on a descriptor opened
 * by libc) and the effective uid. JNA only; no native code of our own. The one binding for the
 * whole project: {@link KvmDevice} and {@link KvmSupportedCpuid} use it.
 */
interface Libc extends Library {
  Libc INSTANCE = Native.load("c", Libc.class);

  int O_RDONLY = 0;
  int O_RDWR = 2;

  int open(String path, int flags) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  /** ioctl with one integer argument (KVM_CHECK_EXTENSION takes the capability by value). */
  int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;

  /** ioctl with a buffer argument (KVM_GET_SUPPORTED_CPUID fills a struct kvm_cpuid2). */
  int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

  int geteuid();

  String strerror(int errnum);
}

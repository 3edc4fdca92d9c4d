// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.domcaps.qemu.host.IoErrors;

/**
 * The checks libvirt makes before probing a binary (qemu_capabilities.c
 * virQEMUCapsNewForBinaryInternal): {@code stat()} must succeed and the binary must be a regular
 * file with at least one execute bit (virFileIsExecutable). The messages are libvirt's.
 */
public final class EmulatorBinaryCheck {
  private static final Set<PosixFilePermission> ANY_EXECUTE =
      EnumSet.of(
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE);

  private EmulatorBinaryCheck() {}

  /**
   * Returns the binary's ctime (libvirt remembers {@code st_ctime} for cache validity), or throws
   * with libvirt's message: {@code Cannot check QEMU binary %s: No such file or directory}, {@code
   * QEMU binary %s is not executable: Is a directory} / {@code ...: Permission denied}.
   */
  public static FileTime requireExecutable(Path binary) throws QemuLaunchException {
    PosixFileAttributes attrs;
    FileTime ctime;
    try {
      attrs = Files.readAttributes(binary, PosixFileAttributes.class);
      ctime = (FileTime) Files.getAttribute(binary, "unix:ctime");
    } catch (IOException | UnsupportedOperationException e) {
      throw new QemuLaunchException(
          binary, "Cannot check QEMU binary " + binary + ": " + IoErrors.describe(e), e);
    }
    if (attrs.isDirectory()) {
      throw new QemuLaunchException(
          binary, "QEMU binary " + binary + " is not executable: Is a directory");
    }
    if (!attrs.isRegularFile() || attrs.permissions().stream().noneMatch(ANY_EXECUTE::contains)) {
      throw new QemuLaunchException(
          binary, "QEMU binary " + binary + " is not executable: Permission denied");
    }
    return ctime;
  }
}

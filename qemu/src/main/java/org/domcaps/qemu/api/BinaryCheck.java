// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.domcaps.qemu.api.DomCapsException.Code.SYSTEM_ERROR;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * libvirt's checks before probing a binary (virQEMUCapsNewForBinaryInternal): it must exist
 * ({@code stat}) and be a regular file with an execute bit; the errors quote strerror.
 */
final class BinaryCheck {
  private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_EXECUTE);

  private BinaryCheck() {}

  static void require(String binary, String workingDir) throws DomCapsException {
    Path p = binary.startsWith("/") ? Path.of(binary) : Path.of(workingDir, binary);
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, PosixFileAttributes.class);
    } catch (IOException e) {
      throw new DomCapsException(SYSTEM_ERROR,
          "Cannot check QEMU binary " + binary + ": " + strerror(e));
    }
    boolean executable = attrs.permissions().stream().anyMatch(EXECUTE::contains);
    if (!attrs.isRegularFile() || !executable) {
      throw new DomCapsException(SYSTEM_ERROR, "QEMU binary " + binary + " is not executable: "
          + (attrs.isDirectory() ? "Is a directory" : "Permission denied"));
    }
  }

  /** The C library's text for the error behind an I/O exception. */
  static String strerror(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}

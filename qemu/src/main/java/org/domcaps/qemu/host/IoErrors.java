// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * strerror-like text for Java's file exceptions, so messages read like libvirt's ({@code ...:
 * No such file or directory}) rather than naming the Java exception.
 */
public final class IoErrors {
  private IoErrors() {}

  /** The strerror() text libvirt would print where Java threw {@code e}. */
  public static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "Too many levels of symbolic links";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}

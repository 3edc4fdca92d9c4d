// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small executables (shell scripts) tests put in place of real programs. */
public final class Executables {
  private Executables() {}

  /** Writes {@code text} to {@code file} (parents created) and makes it rwxr-xr-x. */
  public static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}

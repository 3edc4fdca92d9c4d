// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files a test (running as root) prepares for a process that runs as nobody, such as an
 * unprivileged {@link EmbeddedLibvirt}: world-readable, directories owned by nobody.
 */
public final class NobodyFiles {
  public static final String USER = "nobody";

  private NobodyFiles() {}

  /** A world-traversable temporary directory owned by nobody (for HOME and XDG_CONFIG_HOME). */
  public static Path privateDir(String prefix) {
    try {
      Path d = Files.createTempDirectory(prefix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      chownTree(d);
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} world-readable, creating the parent directories. */
  public static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives everything under {@code dir} to nobody; directories become rwxr-xr-x. */
  public static void chownTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      UserPrincipal nobody =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.setOwner(p, nobody);
        if (Files.isDirectory(p)) {
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes {@code dir} and everything in it, if it exists. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

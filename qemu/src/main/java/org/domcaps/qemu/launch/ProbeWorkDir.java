// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The private {@code qmp-XXXX} directory of one probe process (mode 0700, like libvirt's mkdtemp),
 * holding the monitor socket and the pid file. Removal deletes whatever the process left in it.
 */
final class ProbeWorkDir {
  /** sun_path is 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH = 107;

  private final Path dir;

  private ProbeWorkDir(Path dir) {
    this.dir = dir;
  }

  static ProbeWorkDir create(Path parent) throws IOException {
    Path dir =
        Files.createTempDirectory(
            parent,
            "qmp-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ProbeWorkDir wd = new ProbeWorkDir(dir);
    int len = dir.resolve("qmp.monitor").toString().getBytes(StandardCharsets.UTF_8).length;
    if (len > MAX_SOCKET_PATH) {
      wd.remove();
      throw new IOException(
          "monitor socket path under "
              + parent
              + " would be "
              + len
              + " bytes, more than the 107 a Unix socket address holds; use a shorter parent dir");
    }
    return wd;
  }

  Path path() {
    return dir;
  }

  /** Deletes the directory and everything the process left in it; already gone is fine. */
  void remove() throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException | UncheckedIOException e) {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      }
    }
  }
}

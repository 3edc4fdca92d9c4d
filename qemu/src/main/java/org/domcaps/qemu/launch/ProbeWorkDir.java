// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The private {@code qmp-XXXX} directory of one probe process (mode 0700, like libvirt's mkdtemp),
 * holding the monitor socket and the pid file. Removal deletes whatever the process left in it.
 */
final class ProbeWorkDir {
  /** sun_path is 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH = 107;

  private static final Pattern STALE_NAME = Pattern.compile("qmp-(\\d+)-.+");

  private final Path dir;

  private ProbeWorkDir(Path dir) {
    this.dir = dir;
  }

  static ProbeWorkDir create(Path parent) throws IOException {
    removeStale(parent);
    Path dir =
        Files.createTempDirectory(
            parent,
            "qmp-" + ProcessHandle.current().pid() + "-",
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

  /**
   * Removes the work directories a killed domcaps left in {@code parent} ({@code
   * qmp-PID-XXXX}, ours, PID gone): SIGKILL leaves no chance to remove them on the way out.
   */
  static void removeStale(Path parent) {
    int uid = org.domcaps.qemu.host.ProcessIdentity.effectiveUid();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "qmp-*-*")) {
      for (Path d : ds) {
        Matcher m = STALE_NAME.matcher(d.getFileName().toString());
        if (!m.matches() || ProcessHandle.of(Long.parseLong(m.group(1))).isPresent()) {
          continue;
        }
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
            || (Integer) Files.getAttribute(d, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
          continue;
        }
        new ProbeWorkDir(d).remove();
      }
    } catch (IOException | RuntimeException e) {
      // only tidiness is lost
    }
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

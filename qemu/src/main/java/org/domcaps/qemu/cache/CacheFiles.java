// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.qemu.host.ProcessIdentity;

/**
 * How the cache touches its files, so that a hostile or broken cache directory costs only the
 * caching: a file is read only if it is a regular file (not a FIFO, device or symlink: a FIFO
 * would block every run, a link to /dev/zero fill the memory), owned by us or root (another user
 * must not plant answers) and within a size bound (a 3 GB sparse entry was read whole); writes
 * go to a temporary file named {@code NAME.PID.RANDOM.tmp}, removed on every failure path, and
 * temporaries left by a killed process are removed later by {@link #removeStaleTemporaries}.
 */
final class CacheFiles {
  /** Entries are ~300 KiB; 16 MiB leaves room for any QEMU and refuses a runaway file. */
  static final long MAX_ENTRY_BYTES = 16L << 20;
  /** A temporary whose writer's pid is alive is still removed after this long. */
  static final Duration STALE_TEMPORARY = Duration.ofHours(1);

  private static final Pattern TEMPORARY = Pattern.compile("(.+)\\.(\\d+)\\.[0-9a-f]{16}\\.tmp");
  private static volatile int ourUid = -1;

  private CacheFiles() {}

  /** A cache file that must not be used (and, under the entry's lock, may be removed). */
  static final class UnusableFileException extends IOException {
    private static final long serialVersionUID = 1L;

    UnusableFileException(String message) {
      super(message);
    }
  }

  static int ourUid() {
    int uid = ourUid;
    if (uid < 0) {
      uid = ProcessIdentity.effectiveUid();
      ourUid = uid;
    }
    return uid;
  }

  /** Why {@code file} (not followed if a link) must not be read, or empty; NoSuchFile if absent. */
  static Optional<String> problem(Path file, long maxBytes) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(file, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    int type = mode & 0170000;
    if (type != 0100000) {
      return Optional.of("is not a regular file but " + typeName(type));
    }
    int uid = (Integer) a.get("uid");
    if (uid != ourUid() && uid != 0) {
      return Optional.of("is owned by uid " + uid + ", not by us (uid " + ourUid() + ") or root");
    }
    long size = (Long) a.get("size");
    if (size > maxBytes) {
      return Optional.of("is " + size + " bytes, more than the " + maxBytes
          + " a cache file may be");
    }
    return Optional.empty();
  }

  /**
   * The bytes of {@code file} if it may be read (see the class comment); {@link
   * UnusableFileException} saying why not; NoSuchFileException when absent. Reads at most
   * {@code maxBytes + 1}, so that a file growing meanwhile is refused too.
   */
  static byte[] read(Path file, long maxBytes) throws IOException {
    Optional<String> p = problem(file, maxBytes);
    if (p.isPresent()) {
      throw new UnusableFileException(file + " " + p.get());
    }
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ,
        LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new UnusableFileException(file + " grew beyond " + maxBytes + " bytes while read");
      }
      return bytes;
    }
  }

  /**
   * Whether {@code dir} may hold cache files: a directory (not a link) owned by us or root and
   * writable by nobody else; a directory another user controls could swap any file in it.
   */
  static Optional<String> dirProblem(Path dir) throws IOException {
    Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    if ((mode & 0170000) != 0040000) {
      return Optional.of("is not a directory but " + typeName(mode & 0170000));
    }
    int uid = (Integer) a.get("uid");
    if (uid != ourUid() && uid != 0) {
      return Optional.of("is owned by uid " + uid + ", not by us (uid " + ourUid() + ") or root");
    }
    if ((mode & 0022) != 0) {
      return Optional.of(String.format("is writable by others (mode %o)", mode & 07777));
    }
    return Optional.empty();
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0010000 -> "a FIFO";
      case 0020000 -> "a character device";
      case 0040000 -> "a directory";
      case 0060000 -> "a block device";
      case 0120000 -> "a symbolic link";
      case 0140000 -> "a socket";
      default -> String.format("file type %o", type);
    };
  }

  /** The temporary beside {@code target} this process writes: NAME.PID.RANDOM.tmp. */
  static Path temporaryFor(Path target) {
    return target.resolveSibling(String.format("%s.%d.%016x.tmp", target.getFileName(),
        ProcessHandle.current().pid(), ThreadLocalRandom.current().nextLong()));
  }

  /**
   * Writes {@code bytes} to a temporary beside {@code target} and renames it over {@code target};
   * the temporary is removed on every failure.
   */
  static void replace(Path target, byte[] bytes) throws IOException {
    Path tmp = temporaryFor(target);
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Whether {@code name} is one of our temporaries (NAME.PID.RANDOM.tmp). */
  static boolean isTemporary(String name) {
    return TEMPORARY.matcher(name).matches();
  }

  /**
   * Removes the temporaries in {@code dir} that no live writer owns: the writing pid is gone, or
   * the file is older than {@link #STALE_TEMPORARY}. Left by a process killed mid-write.
   */
  static void removeStaleTemporaries(Path dir) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tmp")) {
      long now = System.currentTimeMillis();
      for (Path p : ds) {
        Matcher m = TEMPORARY.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        try {
          long pid = Long.parseLong(m.group(2));
          FileTime mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
          boolean writerAlive = pid != ProcessHandle.current().pid()
              && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
          boolean old = now - mtime.to(TimeUnit.MILLISECONDS) > STALE_TEMPORARY.toMillis();
          boolean ours = pid == ProcessHandle.current().pid();
          if (!ours && (!writerAlive || old)) {
            Files.deleteIfExists(p);
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile, or not ours to remove: leave it
        }
      }
    } catch (NoSuchFileException e) {
      // no directory, nothing stale
    } catch (IOException | RuntimeException e) {
      // only tidiness is lost
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;

/**
 * libvirt's capability cache (virFileCache + virQEMUCapsCache*) on disk, in libvirt's file
 * format, in front of a prober: {@code DIR/capabilities/<sha256 of the binary path>.xml}.
 *
 * <ul>
 *   <li>An entry is used only while {@link CacheValidity} finds it valid for the current {@link
 *       HostKey}; otherwise it is removed and the binary probed again.
 *   <li>A file that cannot be read as a cache document (truncated, garbage, another format), or
 *       must not be read ({@link CacheFiles}: not a regular file, owned by another user, too
 *       large), is reported to the warnings sink, removed and re-probed: never trusted, never
 *       fatal. A directory another user controls is not used at all.
 *   <li>Probing and replacing an entry happen under an exclusive lock on {@code <sha256>.lock}
 *       (never followed if a link), re-checking the file once the lock is held, so concurrent
 *       callers probe a binary once. Inside one process one thread per entry does that and the
 *       others share its outcome; the file lock is polled, never waited for in the kernel (two
 *       processes each waiting with several threads made the kernel report a false "Resource
 *       deadlock avoided"), and the wait is bounded: after it the caller probes without the
 *       cache.
 *   <li>A failed probe is recorded in {@code <sha256>.failed}; callers that were already waiting
 *       for the lock get that failure instead of probing a hung emulator again (the Nth caller
 *       waited N × 60 s); later callers probe afresh.
 *   <li>Writes go to a temporary file in the same directory, renamed over the entry; temporaries
 *       of killed processes are removed on the next cold lookup.
 *   <li>A cache directory that cannot be created or written only costs the caching.
 * </ul>
 *
 * The host key is taken once per instance (libvirt re-reads the microcode version before each
 * lookup; a long-lived caller makes a new instance to see host changes).
 */
public final class CapsCache {
  /** The default bound of a wait for another caller's probe (a probe normally takes seconds). */
  public static final Duration LOCK_WAIT = Duration.ofMinutes(3);
  private static final long POLL_MIN_MILLIS = 5;
  private static final long POLL_MAX_MILLIS = 100;

  private final Path entries;
  private final HostKey host;
  private final Prober prober;
  private final Consumer<String> warnings;
  private final Duration lockWait;
  private final Map<String, QemuCaps> memory = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<QemuCaps>> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger probes = new AtomicInteger();
  private volatile Optional<String> dirProblem;

  /**
   * @param dir the cache directory ({@link CacheLocation}); entries go to its {@code
   *     capabilities} subdirectory
   * @param host the host state entries are checked against
   * @param prober probes a binary when no valid entry exists (each call must really probe); its
   *     results must carry {@code host}
   *     (see {@link ProbeContexts})
   * @param warnings receives one line per discarded unreadable entry or failed cache write
   */
  public CapsCache(Path dir, HostKey host, Prober prober, Consumer<String> warnings) {
    this(dir, host, prober, warnings, LOCK_WAIT);
  }

  /** As above, waiting at most {@code lockWait} for another caller's probe of the same binary. */
  public CapsCache(Path dir, HostKey host, Prober prober, Consumer<String> warnings,
      Duration lockWait) {
    this.entries = Objects.requireNonNull(dir, "dir").resolve("capabilities");
    this.host = Objects.requireNonNull(host, "host");
    this.prober = Objects.requireNonNull(prober, "prober");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
  }

  /** The directory holding the entry files. */
  public Path entriesDir() {
    return entries;
  }

  public HostKey host() {
    return host;
  }

  /** How many probes this instance ran (cache misses). */
  public int probes() {
    return probes.get();
  }

  /** The capabilities of {@code binary}: from memory, a valid entry, or a probe. */
  public QemuCaps lookup(String binary) throws Refusal {
    QemuCaps caps = memory.get(binary);
    if (caps != null && CacheValidity.invalidReason(caps, binary, host).isEmpty()) {
      return caps;
    }
    memory.remove(binary);
    Path file = entryFile(binary);
    caps = usableDir() ? readValid(file, binary, false) : null;
    if (caps == null) {
      caps = shared(binary, file);
    }
    memory.put(binary, caps);
    return caps;
  }

  /** One thread per binary looks up under the file lock; the others wait for its outcome. */
  private QemuCaps shared(String binary, Path file) throws Refusal {
    CompletableFuture<QemuCaps> mine = new CompletableFuture<>();
    CompletableFuture<QemuCaps> running = inFlight.putIfAbsent(binary, mine);
    if (running != null) {
      try {
        return running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Refusal(Refusal.INTERNAL_ERROR,
            "interrupted while waiting for the probe of " + binary, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Refusal d) {
          throw d;
        }
        throw new IllegalStateException("probe of " + binary + " failed", e.getCause());
      }
    }
    try {
      QemuCaps caps = lockedLookup(file, binary);
      mine.complete(caps);
      return caps;
    } catch (Refusal | RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(binary, mine);
    }
  }

  /** The entry file of {@code binary}: libvirt's name, the SHA-256 of the path string. */
  public Path entryFile(String binary) {
    return entries.resolve(EntryNames.sha256(binary) + ".xml");
  }

  private boolean usableDir() {
    Optional<String> p = dirProblem;
    if (p == null) {
      try {
        p = CacheFiles.dirProblem(entries);
        if (p.isPresent()) {
          warnings.accept("capability cache " + entries + " " + p.get() + "; not using it");
        }
      } catch (NoSuchFileException e) {
        return true; // created on the first write; checked again then
      } catch (IOException | RuntimeException e) {
        p = Optional.of("cannot be checked: " + e.getMessage());
      }
      dirProblem = p;
    }
    return p.isEmpty();
  }

  private QemuCaps lockedLookup(Path file, String binary) throws Refusal {
    long waitStart = System.currentTimeMillis();
    FileChannel lockChannel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(entries);
      dirProblem = null;
      if (!usableDir()) {
        return probeWithoutCache(binary, "it is not safe to use");
      }
      CacheFiles.removeStaleTemporaries(entries);
      lockChannel = openLock(lockFile(file));
      lock = awaitLock(lockChannel);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      warnings.accept("capability cache " + entries + " is not usable (" + e + "); probing "
          + binary + " without it");
      return probeWithoutCache(binary, null);
    }
    if (lock == null) {
      closeQuietly(lockChannel);
      return probeWithoutCache(binary, "another caller has held the lock of "
          + file.getFileName() + " for more than " + lockWait.toSeconds() + " s");
    }
    try {
      // Another process may have probed while we waited for the lock.
      QemuCaps caps = readValid(file, binary, true);
      if (caps != null) {
        return caps;
      }
      Optional<Refusal> failed = ProbeFailures.since(failureFile(file), binary, waitStart);
      if (failed.isPresent()) {
        throw failed.get();
      }
      probes.incrementAndGet();
      try {
        caps = prober.probe(binary);
      } catch (Refusal e) {
        ProbeFailures.record(failureFile(file), binary, e);
        throw e;
      }
      write(file, caps);
      return caps;
    } finally {
      try {
        lock.release();
      } catch (IOException ignored) {
        // closing the channel releases it too
      }
      closeQuietly(lockChannel);
    }
  }

  private QemuCaps probeWithoutCache(String binary, String why) throws Refusal {
    if (why != null) {
      warnings.accept("not using the capability cache for " + binary + ": " + why);
    }
    probes.incrementAndGet();
    return prober.probe(binary);
  }

  /**
   * The lock file, opened without following a link; a link, or anything else not ours, in its
   * place is removed (it is in our directory) and a fresh lock file made.
   */
  private FileChannel openLock(Path lockFile) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Optional<String> problem = CacheFiles.problem(lockFile, CacheFiles.MAX_ENTRY_BYTES);
        if (problem.isPresent()) {
          if (attempt > 0) {
            throw new IOException("lock file " + lockFile + " " + problem.get());
          }
          warnings.accept("replacing capability cache lock " + lockFile + ": " + problem.get());
          Files.deleteIfExists(lockFile);
          continue;
        }
      } catch (NoSuchFileException absent) {
        // created below
      }
      try {
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        if (attempt > 0) {
          throw e;
        }
        // a link planted between the check and the open: check again
      }
    }
  }

  /** Polls for the lock until {@link #lockWait} has passed; null when it did not come. */
  private FileLock awaitLock(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + lockWait.toNanos();
    long pause = POLL_MIN_MILLIS;
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException heldInThisJvm) {
        // another CapsCache instance of this process holds it: wait as for another process
      }
      if (System.nanoTime() - deadline > 0) {
        return null;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the lock of " + channel, e);
      }
      pause = Math.min(POLL_MAX_MILLIS, pause * 2);
    }
  }

  /**
   * The entry if it is readable and valid now, else null; when {@code locked}, an unusable file is
   * removed (only under the lock, so that a fresh entry written meanwhile is never removed).
   */
  private QemuCaps readValid(Path file, String binary, boolean locked) {
    String state = entryState(file);
    if (state == null) {
      return null;
    }
    QemuCaps caps = readSnapshot(file, state, locked);
    if (caps == null) {
      String text;
      try {
        text = utf8(CacheFiles.read(file, CacheFiles.MAX_ENTRY_BYTES));
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException | RuntimeException e) {
        if (locked) {
          discard(file, "cannot be read: " + e.getMessage(), true);
        }
        return null;
      }
      try {
        caps = QemuCapsXml.read(text);
      } catch (IOException | RuntimeException e) {
        if (locked) {
          discard(file, "is not a capability cache document for " + binary + ": "
              + e.getMessage(), true);
        }
        return null;
      }
      if (state.equals(entryState(file))) {
        writeSnapshot(file, state, caps, text);
      }
    }
    Optional<String> invalid = CacheValidity.invalidReason(caps, binary, host);
    if (invalid.isPresent()) {
      if (locked) {
        // Outdated entries are routine (libvirt removes them silently too).
        discard(file, invalid.get(), !binary.equals(caps.emulator()));
      }
      return null;
    }
    return caps;
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  private void discard(Path file, String why, boolean warn) {
    if (warn) {
      warnings.accept("discarding capability cache entry " + file + ": " + why);
    }
    try {
      Files.deleteIfExists(snapshotFile(file));
      Files.deleteIfExists(file);
    } catch (IOException e) {
      warnings.accept("cannot remove capability cache entry " + file + ": " + e.getMessage());
    }
  }

  /** Size, mtime and inode of the entry file (not followed if a link); null when absent. */
  static String entryState(Path file) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ino",
          LinkOption.NOFOLLOW_LINKS);
      return a.get("size") + " " + ((FileTime) a.get("lastModifiedTime"))
          .to(TimeUnit.NANOSECONDS) + " " + a.get("ino");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static Path snapshotFile(Path entry) {
    return sibling(entry, ".bin");
  }

  static Path lockFile(Path entry) {
    return sibling(entry, ".lock");
  }

  static Path failureFile(Path entry) {
    return sibling(entry, ".failed");
  }

  private static Path sibling(Path entry, String suffix) {
    String name = entry.getFileName().toString();
    return entry.resolveSibling(name.substring(0, name.length() - ".xml".length()) + suffix);
  }

  private QemuCaps readSnapshot(Path file, String state, boolean locked) {
    Path snapshot = snapshotFile(file);
    try {
      return CapsSnapshot.decode(CacheFiles.read(snapshot, CacheFiles.MAX_ENTRY_BYTES), state)
          .orElse(null);
    } catch (CacheFiles.UnusableFileException e) {
      if (locked) {
        try {
          Files.deleteIfExists(snapshot);
        } catch (IOException ignored) {
          // the XML entry is the authority; an unusable snapshot is only ignored
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Keeps a binary copy of an entry, only if it decodes back to the very same document. */
  private void writeSnapshot(Path file, String state, QemuCaps caps, String text) {
    try {
      byte[] bytes = CapsSnapshot.encode(caps, state);
      Optional<QemuCaps> back = CapsSnapshot.decode(bytes, state);
      if (back.isEmpty() || !QemuCapsXml.write(back.get()).equals(text)) {
        return;
      }
      CacheFiles.replace(snapshotFile(file), bytes);
    } catch (IOException | RuntimeException e) {
      // only the speed-up is lost
    }
  }

  private void write(Path file, QemuCaps caps) {
    try {
      String text = QemuCapsXml.write(caps);
      // Never publish an entry that would not read back as the same capabilities.
      if (!QemuCapsXml.write(QemuCapsXml.read(text)).equals(text)) {
        throw new IOException("the entry does not read back as written");
      }
      CacheFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
      Files.deleteIfExists(failureFile(file));
      String state = entryState(file);
      if (state != null) {
        writeSnapshot(file, state, caps, text);
      }
    } catch (IOException | RuntimeException e) {
      warnings.accept("cannot write capability cache entry " + file + ": " + e.getMessage());
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing to release
      }
    }
  }
}

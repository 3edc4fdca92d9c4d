// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.domcaps.qemu.api.CapsLookup;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;

/**
 * libvirt's capability cache (virFileCache + virQEMUCapsCache*) on disk, in libvirt's file
 * format, in front of a prober: {@code DIR/capabilities/<sha256 of the binary path>.xml}.
 *
 * <ul>
 *   <li>An entry is used only while {@link CacheValidity} finds it valid for the current {@link
 *       HostKey}; otherwise it is removed and the binary probed again.
 *   <li>A file that cannot be read as a cache document (truncated, garbage, another format) is
 *       reported to the warnings sink, removed and re-probed: never trusted, never fatal.
 *   <li>Probing and replacing an entry happen under an exclusive lock on {@code <sha256>.lock}
 *       (and a per-entry monitor inside this process), re-checking the file once the lock is
 *       held, so concurrent callers probe a binary once. Writes go to a temporary file in the
 *       same directory, renamed over the entry.
 *   <li>A cache directory that cannot be created or written only costs the caching.
 * </ul>
 *
 * The host key is taken once per instance (libvirt re-reads the microcode version before each
 * lookup; a long-lived caller makes a new instance to see host changes).
 */
public final class CapsCache implements CapsLookup {
  private final Path entries;
  private final HostKey host;
  private final CapsLookup prober;
  private final Consumer<String> warnings;
  private final Map<String, QemuCaps> memory = new ConcurrentHashMap<>();
  private final Map<String, Object> monitors = new ConcurrentHashMap<>();
  private final AtomicInteger probes = new AtomicInteger();

  /**
   * @param dir the cache directory ({@link CacheLocation}); entries go to its {@code
   *     capabilities} subdirectory
   * @param host the host state entries are checked against
   * @param prober probes a binary when no valid entry exists (each call must really probe); its
   *     results must carry {@code host}
   *     (see {@link ProbeContexts})
   * @param warnings receives one line per discarded unreadable entry or failed cache write
   */
  public CapsCache(Path dir, HostKey host, CapsLookup prober, Consumer<String> warnings) {
    this.entries = Objects.requireNonNull(dir, "dir").resolve("capabilities");
    this.host = Objects.requireNonNull(host, "host");
    this.prober = Objects.requireNonNull(prober, "prober");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
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

  @Override
  public QemuCaps lookup(String binary) throws DomCapsException {
    QemuCaps caps = memory.get(binary);
    if (caps != null && CacheValidity.invalidReason(caps, binary, host).isEmpty()) {
      return caps;
    }
    memory.remove(binary);
    Path file = entryFile(binary);
    caps = readValid(file, binary, false);
    if (caps == null) {
      synchronized (monitors.computeIfAbsent(binary, b -> new Object())) {
        caps = lockedLookup(file, binary);
      }
    }
    memory.put(binary, caps);
    return caps;
  }

  /** The entry file of {@code binary}: libvirt's name, the SHA-256 of the path string. */
  public Path entryFile(String binary) {
    return entries.resolve(EntryNames.sha256(binary) + ".xml");
  }

  private QemuCaps lockedLookup(Path file, String binary) throws DomCapsException {
    FileChannel lockChannel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(entries);
      lockChannel = FileChannel.open(lockFile(file), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      lock = lockChannel.lock();
    } catch (IOException e) {
      warnings.accept("capability cache " + entries + " is not usable (" + e + "); probing "
          + binary + " without it");
      closeQuietly(lockChannel);
      probes.incrementAndGet();
      return prober.lookup(binary);
    }
    try {
      // Another process may have probed while we waited for the lock.
      QemuCaps caps = readValid(file, binary, true);
      if (caps != null) {
        return caps;
      }
      probes.incrementAndGet();
      caps = prober.lookup(binary);
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

  /**
   * The entry if it is readable and valid now, else null; when {@code locked}, an unusable file is
   * removed (only under the lock, so that a fresh entry written meanwhile is never removed).
   */
  private QemuCaps readValid(Path file, String binary, boolean locked) {
    String state = entryState(file);
    if (state == null) {
      return null;
    }
    QemuCaps caps = readSnapshot(file, state);
    if (caps == null) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
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

  /** Size, mtime and inode of the entry file; null when it does not exist. */
  static String entryState(Path file) {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ino");
      return a.get("size") + " " + ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"))
          .to(java.util.concurrent.TimeUnit.NANOSECONDS) + " " + a.get("ino");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static Path snapshotFile(Path entry) {
    String name = entry.getFileName().toString();
    return entry.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".bin");
  }

  private QemuCaps readSnapshot(Path file, String state) {
    try {
      return CapsSnapshot.decode(Files.readAllBytes(snapshotFile(file)), state).orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Keeps a binary copy of an entry, only if it decodes back to the very same document. */
  private void writeSnapshot(Path file, String state, QemuCaps caps, String text) {
    Path tmp = null;
    try {
      byte[] bytes = CapsSnapshot.encode(caps, state);
      Optional<QemuCaps> back = CapsSnapshot.decode(bytes, state);
      if (back.isEmpty() || !QemuCapsXml.write(back.get()).equals(text)) {
        return;
      }
      tmp = Files.createTempFile(entries, file.getFileName().toString(), ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, snapshotFile(file), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  private void write(Path file, QemuCaps caps) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(entries, file.getFileName().toString(), ".tmp");
      String text = QemuCapsXml.write(caps);
      // Never publish an entry that would not read back as the same capabilities.
      if (!QemuCapsXml.write(QemuCapsXml.read(text)).equals(text)) {
        throw new IOException("the entry does not read back as written");
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      String state = entryState(file);
      if (state != null) {
        writeSnapshot(file, state, caps, text);
      }
    } catch (IOException | RuntimeException e) {
      warnings.accept("cannot write capability cache entry " + file + ": " + e.getMessage());
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  static Path lockFile(Path entry) {
    String name = entry.getFileName().toString();
    return entry.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".lock");
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

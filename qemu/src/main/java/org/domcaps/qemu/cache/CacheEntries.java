// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;

/** What {@code domcaps cache list|clear} shows and does with a cache directory. */
public final class CacheEntries {
  /** The files a cache lookup makes: SHA-256 name, one of our suffixes. */
  private static final Pattern OURS = Pattern.compile("[0-9a-f]{64}\\.(xml|bin|lock|failed)");
  private static final int HEAD_BYTES = 64;

  private CacheEntries() {}

  /**
   * One entry file.
   *
   * @param file the entry file
   * @param caps its content, empty when unreadable
   * @param problem why it is not usable now (unreadable, or invalid for {@code host}); empty when
   *     valid
   */
  public record Entry(Path file, Optional<QemuCaps> caps, Optional<String> problem) {
    public boolean valid() {
      return problem.isEmpty();
    }
  }

  /**
   * Every entry ({@code <sha256>.xml}) of {@code dir}, sorted by file name, checked against {@code
   * host}. A file that must not be read (see {@link CacheFiles}) is listed as unreadable.
   */
  public static List<Entry> list(Path dir, HostKey host) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Path f : files(dir.resolve("capabilities"), "*.xml")) {
      if (!OURS.matcher(f.getFileName().toString()).matches()) {
        continue;
      }
      QemuCaps caps;
      try {
        caps = QemuCapsXml.read(new String(CacheFiles.read(f, CacheFiles.MAX_ENTRY_BYTES),
            StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        out.add(new Entry(f, Optional.empty(), Optional.of("unreadable: " + e.getMessage())));
        continue;
      }
      Optional<String> problem = CacheValidity.invalidReason(caps, caps.emulator(), host);
      if (problem.isEmpty() && !f.getFileName().toString()
          .equals(EntryNames.sha256(caps.emulator()) + ".xml")) {
        problem = Optional.of("file name is not the SHA-256 of " + caps.emulator());
      }
      out.add(new Entry(f, Optional.of(caps), problem));
    }
    return out;
  }

  /**
   * Removes what cache lookups made: entries, snapshots, locks, failure records and temporaries,
   * each recognised by its name and its format (and a regular file owned by us or root); any
   * other file in the directory is left alone. Returns how many entries were removed.
   */
  public static int clear(Path dir) throws IOException {
    Path entries = dir.resolve("capabilities");
    int n = 0;
    for (Path f : files(entries, "*")) {
      if (madeByUs(f) && Files.deleteIfExists(f) && f.toString().endsWith(".xml")) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code f} is a file a cache lookup wrote: its name pattern and its content's head. */
  static boolean madeByUs(Path f) {
    String name = f.getFileName().toString();
    boolean temporary = CacheFiles.isTemporary(name);
    if (name.length() < 64 + 4) {
      return false;
    }
    String base = temporary ? name.substring(0, name.indexOf('.', 64 + 1)) : name;
    if (!OURS.matcher(base).matches()) {
      return false;
    }
    try {
      if (CacheFiles.problem(f, Long.MAX_VALUE).isPresent()) {
        return false;
      }
      if (temporary) {
        return true; // a half-written file has no reliable head
      }
      byte[] head;
      try (var in = Files.newInputStream(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        head = in.readNBytes(HEAD_BYTES);
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      return switch (base.substring(65)) {
        case "xml" -> text.startsWith("<qemuCaps>");
        case "bin" -> text.contains(CapsSnapshot.MAGIC);
        case "failed" -> text.startsWith(ProbeFailures.MAGIC + "\n");
        case "lock" -> head.length == 0;
        default -> false;
      };
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static List<Path> files(Path dir, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
      ds.forEach(out::add);
    } catch (NoSuchFileException e) {
      return out;
    }
    out.sort(null);
    return out;
  }
}

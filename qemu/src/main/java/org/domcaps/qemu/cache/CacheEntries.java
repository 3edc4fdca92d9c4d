// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;

/** What {@code domcaps cache list|clear} shows and does with a cache directory. */
public final class CacheEntries {
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

  /** Every {@code *.xml} entry of {@code dir}, sorted by file name, checked against {@code host}. */
  public static List<Entry> list(Path dir, HostKey host) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Path f : files(dir.resolve("capabilities"), "*.xml")) {
      QemuCaps caps;
      try {
        caps = QemuCapsXml.read(f);
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

  /** Removes every entry, lock and temporary file; returns how many entries were removed. */
  public static int clear(Path dir) throws IOException {
    Path entries = dir.resolve("capabilities");
    int n = 0;
    for (Path f : files(entries, "*.{xml,bin,lock,tmp}")) {
      if (Files.deleteIfExists(f) && f.toString().endsWith(".xml")) {
        n++;
      }
    }
    return n;
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

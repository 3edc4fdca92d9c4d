// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.domcaps.qemu.host.IoErrors;

/**
 * The descriptor files libvirt would parse (qemuInteropFetchConfigs): names merged across the
 * roots with the later directory winning, sorted by byte order of the name, empty files dropped
 * (they mask the same name from lower directories).
 *
 * @param names every file name found, sorted, with the path that won (empty files included)
 * @param effective the non-empty files to parse, in order
 */
public record DescriptorFiles(Map<String, Path> names, List<Path> effective) {
  public DescriptorFiles {
    TreeMap<String, Path> sorted = new TreeMap<>(DescriptorFiles::strcmp);
    sorted.putAll(names);
    names = Collections.unmodifiableMap(sorted);
    effective = List.copyOf(effective);
  }

  /** True when some directory holds a descriptor name, even only a masking empty file. */
  public boolean anyName() {
    return !names.isEmpty();
  }

  /**
   * Scans the roots. A directory that exists but cannot be read fails as in libvirt ({@code cannot
   * open directory}); an entry that cannot be stat'ed (a dangling symlink) fails libvirt's whole
   * request, but here it is reported to {@code warnings} and ignored.
   */
  public static DescriptorFiles scan(FirmwareRoots roots, FirmwareWarnings warnings) {
    Map<String, Path> byName = new HashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    for (Path dir : roots.dirs()) {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        ds.forEach(entries::add);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new FirmwareException(
            "cannot open directory '" + dir + "': " + IoErrors.describe(e));
      }
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(p, BasicFileAttributes.class); // follows symlinks
        } catch (IOException e) {
          warnings.warn(
              "ignoring firmware descriptor " + p + ": Unable to access " + p + ": "
                  + IoErrors.describe(e) + " (libvirt 9.0 fails the request here)");
          continue;
        }
        if (!attrs.isRegularFile()) {
          continue; // directories, devices (a symlink to /dev/null) are not descriptors
        }
        byName.put(name, p);
        sizes.put(name, attrs.size());
      }
    }
    TreeMap<String, Path> sorted = new TreeMap<>(DescriptorFiles::strcmp);
    sorted.putAll(byName);
    List<Path> effective = new ArrayList<>();
    sorted.forEach(
        (name, path) -> {
          if (sizes.get(name) > 0) {
            effective.add(path);
          }
        });
    return new DescriptorFiles(sorted, effective);
  }

  /** strcmp order: unsigned bytes of the UTF-8 name. */
  static int strcmp(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

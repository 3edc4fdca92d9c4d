// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.model.LibvirtVersion;

/**
 * The libvirt release installed on this host, read from the name of its shared library without
 * running anything: libvirt's build names {@code libvirt.so.0} after its version
 * ({@code libvirt.so.0.9000.0} is 9.0.0, {@code libvirt.so.0.11003.0} is 11.3.0). The release
 * domcaps answers as by default is the installed one when domcaps supports it, else the newest it
 * supports.
 */
public final class InstalledLibvirt {
  /** Where Debian and other distributions install libvirt.so (multiarch first). */
  private static final List<Path> LIB_DIRS = List.of(
      Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/lib/aarch64-linux-gnu"),
      Path.of("/usr/lib/powerpc64le-linux-gnu"), Path.of("/usr/lib/s390x-linux-gnu"),
      Path.of("/usr/lib64"), Path.of("/usr/lib"));
  private static final Pattern SONAME = Pattern.compile("libvirt\\.so\\.0\\.(\\d+)\\.(\\d+)");

  private InstalledLibvirt() {}

  /** The release libvirt.so names in the first of {@code dirs} that holds one. */
  public static Optional<LibvirtVersion> find(List<Path> dirs) {
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "libvirt.so.0.*")) {
        for (Path p : s) {
          Optional<LibvirtVersion> v = fromLibraryName(p.getFileName().toString());
          if (v.isPresent()) {
            return v;
          }
        }
      } catch (IOException e) {
        // an unreadable directory holds no answer; try the next one
      }
    }
    return Optional.empty();
  }

  /** {@code libvirt.so.0.11003.0} → 11.3.0; empty for any other name. */
  public static Optional<LibvirtVersion> fromLibraryName(String name) {
    Matcher m = SONAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    int packed = Integer.parseInt(m.group(1));
    return Optional.of(
        LibvirtVersion.of(packed / 1000, packed % 1000, Integer.parseInt(m.group(2))));
  }

  /** The installed release when supported, else the newest supported one. */
  public static LibvirtVersion defaultRelease(Optional<LibvirtVersion> installed) {
    List<LibvirtVersion> supported = LibvirtVersion.SUPPORTED;
    return installed
        .flatMap(i -> supported.stream()
            .filter(s -> s.major() == i.major() && s.minor() == i.minor()).findFirst())
        .orElse(supported.get(supported.size() - 1));
  }

  /** This host's default release ({@link #defaultRelease} of what {@link #find} finds). */
  public static LibvirtVersion defaultRelease() {
    return defaultRelease(find(LIB_DIRS));
  }
}

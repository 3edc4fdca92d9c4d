// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * g_find_program_in_path as libvirt uses it (virFindFileInPath): the first executable
 * non-directory along PATH ({@code /bin:/usr/bin:.} when PATH is unset; an empty element is the
 * current directory); a name containing {@code /} is checked as is. The result is made absolute
 * with {@code .} and {@code ..} removed, symlinks kept (g_canonicalize_filename).
 *
 * @param path the PATH value, null when unset
 * @param cwd the directory relative names are resolved against
 */
public record ProgramSearch(String path, Path cwd) {
  /** This process's PATH and working directory. */
  public static ProgramSearch live() {
    return new ProgramSearch(System.getenv("PATH"), Path.of("").toAbsolutePath());
  }

  public Optional<String> find(String name) {
    if (name.contains("/")) {
      return usable(name) ? Optional.of(canonicalize(name)) : Optional.empty();
    }
    String dirs = path != null ? path : "/bin:/usr/bin:.";
    for (String dir : dirs.split(":", -1)) {
      String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
      if (usable(candidate)) {
        return Optional.of(canonicalize(candidate));
      }
    }
    return Optional.empty();
  }

  private boolean usable(String file) {
    Path p = cwd.resolve(file);
    return Files.isExecutable(p) && !Files.isDirectory(p);
  }

  /** g_canonicalize_filename: absolute, {@code .}/{@code ..} and repeated slashes removed. */
  String canonicalize(String file) {
    String abs = file.startsWith("/") ? file : cwd.toString() + "/" + file;
    Deque<String> parts = new ArrayDeque<>();
    for (String c : abs.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(c);
      }
    }
    return "/" + String.join("/", parts);
  }
}

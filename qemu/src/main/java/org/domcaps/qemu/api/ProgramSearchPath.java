// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds a program the way libvirt does (virFindFileInPath = GLib's g_find_program_in_path, then
 * g_canonicalize_filename): the first executable non-directory in the search path, made absolute
 * with {@code .} and {@code ..} removed but symlinks kept, so {@code qemu-system-ppc64le} stays
 * the name printed even when it is a link.
 */
public final class ProgramSearchPath {
  /** GLib's search path when {@code PATH} is unset. */
  private static final String UNSET_PATH = "/bin:/usr/bin:.";

  private final String path;
  private final String workingDir;

  /**
   * @param path the value of {@code PATH}, or null when it is unset
   * @param workingDir absolute directory against which relative entries are resolved
   */
  public ProgramSearchPath(String path, String workingDir) {
    this.path = path == null ? UNSET_PATH : path;
    this.workingDir = workingDir;
  }

  /** The search path of this process. */
  public static ProgramSearchPath ofEnvironment() {
    return new ProgramSearchPath(System.getenv("PATH"), System.getProperty("user.dir"));
  }

  /** The program's canonical path, or empty when no directory holds an executable of that name. */
  public Optional<String> find(String program) {
    if (program.contains("/")) {
      return usable(program) ? Optional.of(canonicalize(program)) : Optional.empty();
    }
    for (String dir : path.split(":", -1)) {
      String candidate = (dir.isEmpty() ? "." : dir) + "/" + program;
      if (usable(candidate)) {
        return Optional.of(canonicalize(candidate));
      }
    }
    return Optional.empty();
  }

  private boolean usable(String name) {
    Path p = resolve(name);
    return Files.isExecutable(p) && !Files.isDirectory(p);
  }

  private Path resolve(String name) {
    return name.startsWith("/") ? Path.of(name) : Path.of(workingDir, name);
  }

  /** g_canonicalize_filename: purely textual, no symlink resolution. */
  String canonicalize(String name) {
    String abs = name.startsWith("/") ? name : workingDir + "/" + name;
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

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/domcaps} as a real process (integration tests; the jar must be built). */
final class Launcher {
  private Launcher() {}

  record Result(int exit, byte[] out, String err) {
    String outText() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  static Path root() {
    return Path.of(System.getProperty("domcaps.root", ".."));
  }

  static Path script() {
    return root().resolve("bin/domcaps");
  }

  /** A command line running {@code bin/domcaps ARGS}, optionally behind a {@code prefix}. */
  static List<String> command(List<String> prefix, String... args) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(script().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs to completion (bounded by a generous limit) with {@code env} added. */
  static Result run(List<String> cmd, Map<String, String> env, File stdout)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Path out = Files.createTempFile("domcaps-it-out", ".txt");
    Path err = Files.createTempFile("domcaps-it-err", ".txt");
    try {
      pb.redirectOutput(stdout != null ? stdout : out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("bin/domcaps did not end within 300 s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

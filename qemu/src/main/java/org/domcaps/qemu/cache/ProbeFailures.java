// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last failed probe of one binary, {@code <sha256>.failed} beside its entry: written by the
 * caller whose probe failed, while it holds the entry's lock, and read by the callers that were
 * already waiting for that lock, so that they report the same failure instead of each probing a
 * hung or broken emulator again. A caller that starts after the failure probes afresh.
 *
 * <p>Layout: a magic line, the binary, the time of the failure (ms since the epoch), the error
 * code, then the text
 * (without the code's prefix).
 */
final class ProbeFailures {
  static final String MAGIC = "domcaps-failed-probe-2";
  private static final long MAX_BYTES = 64 << 10;

  private ProbeFailures() {}

  static void record(Path file, String binary, Refusal e) {
    String text = MAGIC + "\n" + binary + "\n" + System.currentTimeMillis() + "\n"
        + e.code() + "\n" + e.text();
    try {
      CacheFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ignored) {
      // waiters then probe themselves: slower, not wrong
    }
  }

  /** The failure recorded for {@code binary} at or after {@code sinceMillis}, if any. */
  static Optional<Refusal> since(Path file, String binary, long sinceMillis) {
    String[] lines;
    try {
      lines = new String(CacheFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8)
          .split("\n", 5);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    try {
      if (lines.length < 5 || !lines[0].equals(MAGIC) || !lines[1].equals(binary)
          || Long.parseLong(lines[2]) < sinceMillis) {
        return Optional.empty();
      }
      return Optional.of(new Refusal(lines[3], lines[4], null));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

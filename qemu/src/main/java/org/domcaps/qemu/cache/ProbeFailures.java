// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.qemu.api.DomCapsException;

/**
 * The last failed probe of one binary, {@code <sha256>.failed} beside its entry: written by the
 * caller whose probe failed, while it holds the entry's lock, and read by the callers that were
 * already waiting for that lock, so that they report the same failure instead of each probing a
 * hung or broken emulator again. A caller that starts after the failure probes afresh.
 *
 * <p>Layout: a magic line, the binary, the time of the failure (ms since the epoch), the error
 * code, then the message.
 */
final class ProbeFailures {
  static final String MAGIC = "domcaps-failed-probe-1";
  private static final long MAX_BYTES = 64 << 10;

  private ProbeFailures() {}

  static void record(Path file, String binary, DomCapsException e) {
    String text = MAGIC + "\n" + binary + "\n" + System.currentTimeMillis() + "\n"
        + e.code().name() + "\n" + e.getMessage();
    try {
      CacheFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ignored) {
      // waiters then probe themselves: slower, not wrong
    }
  }

  /** The failure recorded for {@code binary} at or after {@code sinceMillis}, if any. */
  static Optional<DomCapsException> since(Path file, String binary, long sinceMillis) {
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
      DomCapsException.Code code = DomCapsException.Code.valueOf(lines[3]);
      String message = lines[4];
      String text = message.startsWith(code.prefix())
          ? message.substring(code.prefix().length()) : message;
      return Optional.of(new DomCapsException(code, text));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

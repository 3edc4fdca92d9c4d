// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The device types a QEMU binary has, from {@code qemu -device help}: libvirt keeps only flags
 * for the devices it cares about, and some devices a definition names (ib700, ES1370,
 * i6300esb) have none. Asked once per binary, only when a rule needs it.
 */
final class QemuDeviceTypes {
  private static final long TIMEOUT_SECONDS = 30;

  private QemuDeviceTypes() {}

  /** The names, or empty when the binary could not be asked. */
  static Optional<Set<String>> of(String binary) {
    ProcessBuilder pb = new ProcessBuilder(List.of(binary, "-nodefaults", "-display", "none",
        "-device", "help")).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process p = null;
    try {
      p = pb.start();
      p.getOutputStream().close();
      Set<String> names = new HashSet<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          // name "ib700", bus ISA, desc "iBASE 700"
          if (line.startsWith("name \"")) {
            int end = line.indexOf('"', 6);
            if (end > 6) {
              names.add(line.substring(6, end));
            }
          }
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return names.isEmpty() ? Optional.empty() : Optional.of(names);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 item 2: {@code domcaps ... > /dev/full} exited 0 with 4096 of 8992 bytes written. Every
 * output path (main command, {@code format}, {@code cache list}, {@code --all}) writing to the
 * real {@code /dev/full} must say {@code error: writing output: No space left on device} and exit
 * 1; the same command to a working stream exits 0 (so the failure is the write's).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteErrorsTest {
  static final String QEMU = "/usr/bin/qemu-system-x86_64";
  static final String NO_SPACE = "error: writing output: No space left on device\n";

  /** One cache for the class: the first test probes, the later ones answer from it. */
  @TempDir static Path cache;

  @BeforeAll
  static void needsQemu() {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(QEMU)), "skipped: " + QEMU + " missing");
  }

  record Outcome(int exit, String out, String err) {}

  static Outcome run(OutputStream stdout, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, stdout, err);
    String out = stdout instanceof ByteArrayOutputStream b
        ? b.toString(StandardCharsets.UTF_8) : "";
    return new Outcome(exit, out, err.toString(StandardCharsets.UTF_8));
  }

  static void assertFullDiskReported(String... args) throws IOException {
    Outcome ok = run(new ByteArrayOutputStream(), args);
    assertThat(ok.err()).doesNotContain("writing output");
    assertThat(ok.out()).isNotEmpty();
    try (FileOutputStream full = new FileOutputStream("/dev/full")) {
      Outcome failed = run(full, args);
      assertThat(failed.exit()).isEqualTo(1);
      assertThat(failed.err()).endsWith(NO_SPACE);
    }
  }

  @Test
  @Order(1)
  void mainCommandToDevFullExitsOneWithError() throws IOException {
    assertThat(run(new ByteArrayOutputStream(), "--virttype", "qemu", "--arch", "x86_64",
        "--cache-dir", cache.toString()).exit()).isZero();
    assertFullDiskReported("--virttype", "qemu", "--arch", "x86_64", "--cache-dir",
        cache.toString());
  }

  @Test
  @Order(3)
  void formatToDevFullExitsOneWithError() throws IOException {
    assertFullDiskReported("format", SharedData.oracle().resolve("x86_64/default.xml").toString());
  }

  @Test
  @Order(4)
  void cacheListToDevFullExitsOneWithError() throws IOException {
    assertFullDiskReported("cache", "list", "--cache-dir", cache.toString());
  }

  @Test
  @Order(5)
  void allEmulatorsToDevFullExitsOneWithError() throws IOException {
    // Through picocli (--all is not on the fast path); some emulators may refuse (exit 1 then
    // too), so the error line is what tells the write failure.
    assertFullDiskReported("--all", "--cache-dir", cache.toString());
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 items 2, 4 and 11 against {@code bin/domcaps} as a real process: what the launcher
 * and the JVM do before and after the Java code runs.
 */
class Issue16LauncherIT {
  static final Path DOC = SharedData.oracle().resolve("x86_64/default.xml");

  @TempDir Path dir;

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * Item 4: when another process holds the JVM's {@code /tmp/hsperfdata_USER/PID} file (another
   * container sharing /tmp, a reused pid), the JVM printed {@code [warning][perf,memops] Cannot
   * use file ... because it is locked by another process} on stdout before the answer. Made here
   * in a private mount and PID namespace: the JVM is pid 1 there, and a helper locks
   * {@code /tmp/hsperfdata_root/1} on a private /tmp first.
   */
  @Test
  void lockedPerfDataFileLeavesStdoutToTheAnswer() throws Exception {
    Assumptions.assumeTrue(isRoot(), "skipped: needs root for a private mount and PID namespace");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "skipped: no python3");
    // The private /tmp hides the test's temporary directory: read the document in place.
    Path doc = DOC.toAbsolutePath();
    Path script = dir.resolve("lock-perfdata.sh");
    Files.writeString(script, String.join("\n",
        "mount -t tmpfs none /tmp || exit 99",
        "mkdir -m 700 /tmp/hsperfdata_root",
        "python3 -c 'import fcntl, time",
        "f = open(\"/tmp/hsperfdata_root/1\", \"w\")",
        "fcntl.flock(f, fcntl.LOCK_EX)",
        "open(\"/tmp/locked\", \"w\").close()",
        "time.sleep(120)' &",
        "while [ ! -e /tmp/locked ]; do sleep 0.05; done",
        "exec \"$@\"", ""));
    Launcher.Result r = Launcher.run(Launcher.command(
        List.of("unshare", "-m", "-p", "-f", "--mount-proc", "sh", script.toString()),
        "format", doc.toString()), Map.of(), null);
    Assumptions.assumeFalse(r.exit() == 99, "skipped: cannot mount a private /tmp here");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readAllBytes(DOC));
  }

  /**
   * Item 11: under {@code LC_ALL=C} a non-ASCII document path or cache dir crashed with an
   * InvalidPathException stack trace (Java decodes argv and file names with the locale charset).
   */
  @Test
  void nonAsciiPathsUnderTheCLocaleAreUsed() throws Exception {
    Path work = Files.createDirectories(dir.resolve("caché-é"));
    Path doc = Files.copy(DOC, work.resolve("documént.xml"));
    Launcher.Result r = Launcher.run(Launcher.command(List.of(), "format", doc.toString()),
        Map.of("LC_ALL", "C"), null);
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readAllBytes(DOC));

    Launcher.Result list = Launcher.run(Launcher.command(List.of(), "cache", "list",
        "--cache-dir", work.resolve("cäche").toString()), Map.of("LC_ALL", "C"), null);
    assertThat(list.err()).doesNotContain("Exception");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.outText()).startsWith("cache " + work.resolve("cäche"));
  }

  /** Item 2 through the real launcher: {@code > /dev/full} is an error, exit 1. */
  @Test
  void outputToDevFullExitsOneWithError() throws Exception {
    Launcher.Result r = Launcher.run(Launcher.command(List.of(), "format", DOC.toString()),
        Map.of(), new File("/dev/full"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: writing output: No space left on device\n");
  }
}

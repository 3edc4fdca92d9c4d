// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.testing.FakeQemu.Scenario;
import org.domcaps.qemu.testing.FakeQemuBinary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 items 3 and 8: SIGTERM, SIGHUP, SIGINT or SIGKILL to domcaps after QEMU started left
 * the paused QEMU and its {@code qmp-N} folder; a child the emulator double-forked (setsid)
 * survived even a clean stop. A child JVM ({@link ProbeHolderMain}) plays domcaps mid-probe with
 * a fake QEMU; the test signals it and looks for what is left. Timeouts only catch hangs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Issue16OrphanQemuOnKillTest {
  @TempDir Path dir;

  /** Starts a holder JVM probing {@code fake}; returns it once QEMU answered. */
  Process holder(FakeQemuBinary fake, Path work) throws IOException {
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ProbeHolderMain.class.getName(),
        fake.script().toString(), work.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("holder output").startsWith("started ");
    return p;
  }

  static void signal(Process p, String sig) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO()
        .start();
    assertThat(kill.waitFor()).isZero();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("holder ended after SIG" + sig).isTrue();
  }

  /** Waits (bounded) until no process of {@code pids} is running. */
  static void assertEnded(List<Long> pids, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pids.stream().anyMatch(Issue16OrphanQemuOnKillTest::running)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pids.stream().filter(Issue16OrphanQemuOnKillTest::running)).as(what).isEmpty();
  }

  static boolean running(long pid) {
    return ProcessHandle.of(pid).map(h -> Reaping.running(h)).orElse(false);
  }

  static List<Path> left(Path work) throws IOException {
    try (Stream<Path> s = Files.list(work)) {
      return s.toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT", "HUP"})
  void signalToDomcapsMidProbeLeavesNoQemuAndNoWorkDir(String sig) throws Exception {
    FakeQemuBinary fake = FakeQemuBinary.create(dir, Scenario.WELL_BEHAVED);
    Path work = Files.createDirectory(dir.resolve("work"));
    Process p = holder(fake, work);
    long qemu = fake.reportedPids().get("pid");
    signal(p, sig);
    assertEnded(List.of(qemu), "fake QEMU after SIG" + sig + " to domcaps");
    assertThat(left(work)).as("work dirs after SIG" + sig).isEmpty();
  }

  @Test
  void sigkillToDomcapsMidProbeLeavesNoQemuAndTheNextStartRemovesTheWorkDir() throws Exception {
    FakeQemuBinary fake = FakeQemuBinary.create(dir, Scenario.WELL_BEHAVED);
    Path work = Files.createDirectory(dir.resolve("work"));
    Process p = holder(fake, work);
    long qemu = fake.reportedPids().get("pid");
    signal(p, "KILL");
    assertEnded(List.of(qemu), "fake QEMU after SIGKILL to domcaps (parent-death signal)");
    assertThat(left(work)).hasSize(1);
    ProbeWorkDir.removeStale(work);
    assertThat(left(work)).as("stale work dir of the killed domcaps").isEmpty();
  }

  @Test
  void doubleForkedChildOfTheEmulatorEndsWithTheProbe() throws Exception {
    Assumptions.assumeTrue(ProcessLifetime.privatePidNamespace(),
        "skipped: no private PID namespace here (needs CAP_SYS_ADMIN), so a double-forked "
            + "grandchild cannot be reached");
    FakeQemuBinary fake = FakeQemuBinary.create(dir, Scenario.DOUBLE_FORK_AND_HANG);
    Path work = Files.createDirectory(dir.resolve("work"));
    LaunchSettings settings = LaunchSettings.defaults().withWorkDirParent(work)
        .withStartTimeout(Duration.ofSeconds(60)).withStopTimeout(Duration.ofSeconds(5));
    try (QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.FIRST, settings)) {
      qemu.greeting();
      assertThat(fake.orphans()).as("the double-forked sleep is running").hasSize(1);
    }
    assertEnded(fake.orphans(), "double-forked child after the probe stopped");
    assertThat(fake.orphans()).isEmpty();
  }

  @Test
  void doubleForkedChildOfTheEmulatorEndsWhenDomcapsIsKilled() throws Exception {
    Assumptions.assumeTrue(ProcessLifetime.privatePidNamespace(),
        "skipped: no private PID namespace here (needs CAP_SYS_ADMIN)");
    FakeQemuBinary fake = FakeQemuBinary.create(dir, Scenario.DOUBLE_FORK_AND_HANG);
    Path work = Files.createDirectory(dir.resolve("work"));
    Process p = holder(fake, work);
    List<Long> orphans = fake.orphans();
    assertThat(orphans).hasSize(1);
    signal(p, "KILL");
    assertEnded(orphans, "double-forked child after SIGKILL to domcaps");
  }
}

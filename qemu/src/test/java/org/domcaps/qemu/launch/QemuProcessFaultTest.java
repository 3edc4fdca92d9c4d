// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.testing.FakeQemu.Scenario;
import org.domcaps.qemu.testing.FakeQemuBinary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end fault handling of {@link QemuProcess} with fake QEMU executables: every failure ends
 * within its timeout with an error naming the binary, and leaves no process and no work dir.
 */
class QemuProcessFaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path work;
  private LaunchSettings settings;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createDirectory(dir.resolve("work"));
    settings =
        LaunchSettings.defaults()
            .withWorkDirParent(work)
            .withStartTimeout(Duration.ofSeconds(3))
            .withCommandTimeout(Duration.ofSeconds(1))
            .withStopTimeout(Duration.ofSeconds(1));
  }

  @AfterEach
  void noWorkDirLeft() throws IOException {
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("work dirs left behind").isEmpty();
    }
  }

  private static JsonNode cmd(String execute, int id) {
    return JSON.createObjectNode().put("execute", execute).put("id", "libvirt-" + id);
  }

  /** The fake's pid must be gone: reaped, not even a zombie of ours. */
  private static void assertGone(FakeQemuBinary fake) throws IOException {
    Map<String, Long> pids = fake.reportedPids();
    assertThat(pids).containsKey("pid");
    assertThat(ProcessHandle.of(pids.get("pid"))).as("fake QEMU process").isEmpty();
  }

  private FakeQemuBinary fake(Scenario s) throws IOException {
    return FakeQemuBinary.create(dir, s);
  }

  @Test
  void exitWithStderrIsQuoted() throws Exception {
    FakeQemuBinary fake = fake(Scenario.EXIT_WITH_STDERR);
    assertThatThrownBy(() -> QemuProcess.start(fake.script(), ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessage(
            "QEMU binary "
                + fake.script()
                + " is not a usable QEMU: no QMP monitor opened (it exited with status 1);"
                + " stderr: fake-qemu: this is not the emulator you are looking for");
    assertGone(fake);
  }

  @Test
  void noMonitorEndsAtTheStartTimeout() throws Exception {
    FakeQemuBinary fake = fake(Scenario.NO_MONITOR);
    assertThatThrownBy(() -> QemuProcess.start(fake.script(), ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessageStartingWith(
            "QEMU binary " + fake.script() + " is not a usable QEMU: no QMP monitor at ")
        .hasMessageEndingWith("after 3.0 s")
        .hasCauseInstanceOf(QmpTimeoutException.class);
    assertGone(fake);
  }

  @Test
  void hangBeforeGreetingEndsAtTheStartTimeout() throws Exception {
    FakeQemuBinary fake = fake(Scenario.HANG_BEFORE_GREETING);
    assertThatThrownBy(() -> QemuProcess.start(fake.script(), ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessageStartingWith("QEMU binary " + fake.script() + " is not a usable QEMU: timed out")
        .hasMessageContaining("waiting for the QMP greeting")
        .hasCauseInstanceOf(QmpTimeoutException.class);
    assertGone(fake);
  }

  @Test
  void childrenOfAHangingBinaryAreKilledToo() throws Exception {
    FakeQemuBinary fake = fake(Scenario.CHILD_AND_HANG);
    assertThatThrownBy(() -> QemuProcess.start(fake.script(), ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasCauseInstanceOf(QmpTimeoutException.class);
    assertGone(fake);
    long child = fake.reportedPids().get("child");
    // Not our child: after SIGTERM it is at most a zombie waiting for init to reap it.
    assertThat(ProcessHandle.of(child).filter(Reaping::running)).as("grandchild").isEmpty();
  }

  @Test
  void garbageGreetingIsAProtocolError() throws Exception {
    FakeQemuBinary fake = fake(Scenario.GARBAGE_GREETING);
    assertThatThrownBy(() -> QemuProcess.start(fake.script(), ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessageStartingWith(
            "QEMU binary "
                + fake.script()
                + " is not a usable QEMU: cannot parse json this is not json: ")
        .hasCauseInstanceOf(QmpStreamException.class);
    assertGone(fake);
  }

  @Test
  void hangMidCommandEndsAtTheCommandTimeout() throws Exception {
    FakeQemuBinary fake = fake(Scenario.HANG_MID_COMMAND);
    QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.FIRST, settings);
    Path workDir = qemu.workDir();
    assertThat(qemu.exchange(cmd("qmp_capabilities", 1)).has("return")).isTrue();
    assertThatThrownBy(() -> qemu.exchange(cmd("query-version", 2)))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessage(
            "Failed to probe capabilities for "
                + fake.script()
                + ": timed out after 1.0 s waiting for the reply to 'query-version'")
        .hasCauseInstanceOf(QmpTimeoutException.class);
    assertThat(workDir).doesNotExist();
    assertThat(ProcessHandle.of(qemu.pid())).isEmpty();
    assertGone(fake);
    qemu.close(); // idempotent after the teardown
  }

  @Test
  void crashMidProbeReportsStatusAndStderr() throws Exception {
    FakeQemuBinary fake = fake(Scenario.CRASH_MID_PROBE);
    try (QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.FIRST, settings)) {
      qemu.exchange(cmd("qmp_capabilities", 1));
      assertThat(qemu.exchange(cmd("query-version", 2)).path("return").path("package").asText())
          .isEqualTo("fake");
      assertThatThrownBy(() -> qemu.exchange(cmd("query-target", 3)))
          .isInstanceOf(QemuLaunchException.class)
          .hasMessage(
              "Failed to probe capabilities for "
                  + fake.script()
                  + ": Missing monitor reply object: connection closed while waiting for the reply"
                  + " to 'query-target' (it exited with status 3); stderr: fake-qemu: crashing now")
          .hasCauseInstanceOf(QmpStreamException.class);
      assertThat(qemu.workDir()).doesNotExist();
    }
    assertGone(fake);
  }

  @Test
  void garbageReplyIsAProtocolError() throws Exception {
    FakeQemuBinary fake = fake(Scenario.GARBAGE_REPLY);
    try (QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.FIRST, settings)) {
      qemu.exchange(cmd("qmp_capabilities", 1));
      assertThatThrownBy(() -> qemu.exchange(cmd("query-version", 2)))
          .isInstanceOf(QemuLaunchException.class)
          .hasMessageStartingWith(
              "Failed to probe capabilities for "
                  + fake.script()
                  + ": cannot parse json {\"return\": {\"qemu\": this is not json: ");
    }
    assertGone(fake);
  }

  @Test
  void wellBehavedSessionEndsByQuit() throws Exception {
    FakeQemuBinary fake = fake(Scenario.WELL_BEHAVED);
    QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.TCG, settings);
    assertThat(qemu.argv()).contains("none,accel=tcg");
    assertThat(qemu.workDir()).isDirectory();
    assertThat(Files.getPosixFilePermissions(qemu.workDir()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(qemu.greeting().has("QMP")).isTrue();
    qemu.exchange(cmd("qmp_capabilities", 1));
    assertThat(qemu.exchange(cmd("query-version", 2)).path("return").path("package").asText())
        .isEqualTo("fake");
    assertThat(qemu.kvmEnabled()).isEmpty();
    qemu.exchange(cmd("query-kvm", 3));
    assertThat(qemu.kvmEnabled()).contains(false);
    qemu.close();
    assertThat(qemu.workDir()).doesNotExist();
    assertGone(fake);
    assertThatThrownBy(() -> qemu.exchange(cmd("query-version", 4)))
        .hasMessageContaining("already closed");
  }

  @Test
  void binaryIgnoringQuitAndSigtermIsKilled() throws Exception {
    FakeQemuBinary fake = fake(Scenario.STUBBORN);
    QemuProcess qemu = QemuProcess.start(fake.script(), ProbePhase.FIRST, settings);
    qemu.exchange(cmd("qmp_capabilities", 1));
    qemu.close();
    assertThat(qemu.workDir()).doesNotExist();
    assertGone(fake);
  }

  @Test
  void binTrueIsNotAUsableQemu() {
    Path binTrue = Path.of("/bin/true");
    assertThatThrownBy(() -> QemuProcess.start(binTrue, ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessage(
            "QEMU binary /bin/true is not a usable QEMU: no QMP monitor opened (it exited with"
                + " status 0)");
  }

  @Test
  void shellScriptIsNotAUsableQemu() throws Exception {
    Path script = FakeQemuBinary.shellScript(dir);
    assertThatThrownBy(() -> QemuProcess.start(script, ProbePhase.FIRST, settings))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessage(
            "QEMU binary "
                + script
                + " is not a usable QEMU: no QMP monitor opened (it exited with status 0)");
  }

  @Test
  void missingNonExecutableAndDirectoryUseLibvirtsWording() throws Exception {
    Path missing = dir.resolve("qemu-system-missing");
    Path noExec = Files.writeString(dir.resolve("qemu-system-noexec"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(noExec, PosixFilePermissions.fromString("rw-r--r--"));
    for (var c :
        List.of(
            Map.entry(
                missing, "Cannot check QEMU binary " + missing + ": No such file or directory"),
            Map.entry(noExec, "QEMU binary " + noExec + " is not executable: Permission denied"),
            Map.entry(dir, "QEMU binary " + dir + " is not executable: Is a directory"))) {
      assertThatThrownBy(() -> QemuProcess.start(c.getKey(), ProbePhase.FIRST, settings))
          .isInstanceOf(QemuLaunchException.class)
          .hasMessage(c.getValue());
    }
  }

  @Test
  void connectorStartsOneProcessPerPhaseAndNotesKvm() throws Exception {
    FakeQemuBinary fake = fake(Scenario.WELL_BEHAVED);
    LiveConnector connector = new LiveConnector(fake.script(), settings);
    assertThat(connector.firstPhaseUsedKvm()).isEmpty();
    long firstPid;
    try (var t = connector.open(ProbePhase.FIRST)) {
      firstPid = ((QemuProcess) t).pid();
      t.exchange(cmd("qmp_capabilities", 1));
      t.exchange(cmd("query-kvm", 2));
    }
    assertThat(connector.firstPhaseUsedKvm()).contains(false);
    assertThat(ProcessHandle.of(firstPid)).isEmpty();
    try (var t = connector.open(ProbePhase.TCG)) {
      assertThat(((QemuProcess) t).pid()).isNotEqualTo(firstPid);
      assertThat(((QemuProcess) t).argv()).contains("none,accel=tcg");
      t.exchange(cmd("qmp_capabilities", 1));
    }
    assertGone(fake);
  }
}

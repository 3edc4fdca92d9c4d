// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.domcaps.qemu.probe.ProbePhase;
import org.domcaps.qemu.qmp.QmpTransport;
import org.domcaps.qemu.testing.HostKvm;
import org.domcaps.qemu.testing.NoKvmNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against the real {@code qemu-system-x86_64}. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class QemuProcessLiveTest {
  private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;
  @TempDir Path scripts;
  private LaunchSettings settings;

  @BeforeEach
  void setUp() {
    assumeTrue(Files.isExecutable(QEMU), "skipped: " + QEMU + " is not installed on this host");
    settings = LaunchSettings.defaults().withWorkDirParent(work);
  }

  private static JsonNode cmd(String execute, int id) {
    return JSON.createObjectNode().put("execute", execute).put("id", "libvirt-" + id);
  }

  /** qmp_capabilities, query-version, query-kvm; returns query-kvm's return object. */
  private static JsonNode converse(QmpTransport qmp) throws Exception {
    assertThat(qmp.greeting().path("QMP").has("version")).isTrue();
    assertThat(qmp.exchange(cmd("qmp_capabilities", 1)))
        .isEqualTo(JSON.readTree("{\"return\": {}, \"id\": \"libvirt-1\"}"));
    JsonNode version = qmp.exchange(cmd("query-version", 2));
    assertThat(version.path("return").path("qemu").path("major").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(version.path("return").path("package").isTextual()).isTrue();
    assertThat(version.path("id").asText()).isEqualTo("libvirt-2");
    return qmp.exchange(cmd("query-kvm", 3)).path("return");
  }

  /** QEMU writes its pid as it sees it: 1 in the private PID namespace it may run in. */
  static long pidInItsOwnNamespace(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("NSpid:")) {
        String[] f = line.substring(6).strip().split("\\s+");
        return Long.parseLong(f[f.length - 1]);
      }
    }
    return pid;
  }

  private void assertCleanedUp(QemuProcess qemu) throws Exception {
    assertThat(qemu.workDir()).doesNotExist();
    assertThat(ProcessHandle.of(qemu.pid())).as("QEMU pid %d", qemu.pid()).isEmpty();
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void firstPhaseUsesKvmWhenUsable() throws Exception {
    assumeTrue(HostKvm.usable(), HostKvm.skipMessage());
    QemuProcess qemu = QemuProcess.start(QEMU, ProbePhase.FIRST, settings);
    try (qemu) {
      assertThat(qemu.argv()).contains("none,accel=kvm:tcg");
      assertThat(qemu.workDir().resolve("qmp.monitor")).exists();
      assertThat(Files.readString(qemu.workDir().resolve("qmp.pid")).strip())
          .isEqualTo(Long.toString(pidInItsOwnNamespace(qemu.pid())));
      JsonNode kvm = converse(qemu);
      assertThat(kvm.path("enabled").asBoolean()).isTrue();
      assertThat(kvm.path("present").asBoolean()).isTrue();
      assertThat(qemu.kvmEnabled()).contains(true);
    }
    assertCleanedUp(qemu);
  }

  @Test
  void tcgPhaseDoesNotUseKvm() throws Exception {
    QemuProcess qemu = QemuProcess.start(QEMU, ProbePhase.TCG, settings);
    try (qemu) {
      assertThat(qemu.argv()).contains("none,accel=tcg");
      JsonNode kvm = converse(qemu);
      assertThat(kvm.path("enabled").asBoolean()).isFalse();
      assertThat(qemu.kvmEnabled()).contains(false);
    }
    assertCleanedUp(qemu);
  }

  /**
   * Without a usable /dev/kvm the first phase falls back to TCG. On a KVM host this runs QEMU in a
   * mount namespace without /dev/kvm, so both paths are tested wherever the test runs as root.
   */
  @Test
  void firstPhaseFallsBackToTcgWithoutKvm() throws Exception {
    Path binary = QEMU;
    if (HostKvm.usable()) {
      String why = NoKvmNamespace.unavailableReason();
      assumeTrue(why == null, why);
      binary = NoKvmNamespace.create(scripts).wrap(scripts, QEMU);
    }
    QemuProcess qemu = QemuProcess.start(binary, ProbePhase.FIRST, settings);
    try (qemu) {
      assertThat(qemu.argv()).contains("none,accel=kvm:tcg");
      assertThat(converse(qemu).path("enabled").asBoolean()).isFalse();
      assertThat(qemu.kvmEnabled()).contains(false);
    }
    assertCleanedUp(qemu);
  }

  @Test
  void connectorRunsBothPhasesAsSeparateProcesses() throws Exception {
    assumeTrue(HostKvm.usable(), HostKvm.skipMessage());
    LiveConnector connector = new LiveConnector(QEMU, settings);
    QemuProcess first = (QemuProcess) connector.open(ProbePhase.FIRST);
    try (first) {
      converse(first);
    }
    assertThat(connector.firstPhaseUsedKvm()).contains(true);
    QemuProcess tcg = (QemuProcess) connector.open(ProbePhase.TCG);
    try (tcg) {
      assertThat(converse(tcg).path("enabled").asBoolean()).isFalse();
    }
    assertThat(connector.firstPhaseUsedKvm()).contains(true);
    assertCleanedUp(first);
    assertCleanedUp(tcg);
  }
}

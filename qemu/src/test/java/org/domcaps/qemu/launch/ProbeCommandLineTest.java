// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.domcaps.qemu.probe.ProbePhase;
import org.junit.jupiter.api.Test;

class ProbeCommandLineTest {
  private static final Path BIN = Path.of("/usr/bin/qemu-system-x86_64");
  private static final Path DIR = Path.of("/tmp/qmp-123");

  @Test
  void firstPhaseAsksForKvmThenTcg() {
    assertThat(new ProbeCommandLine(BIN, DIR, ProbePhase.FIRST).argv())
        .containsExactly(
            "/usr/bin/qemu-system-x86_64",
            "-S",
            "-no-user-config",
            "-nodefaults",
            "-nographic",
            "-machine",
            "none,accel=kvm:tcg",
            "-qmp",
            "unix:/tmp/qmp-123/qmp.monitor,server=on,wait=off",
            "-pidfile",
            "/tmp/qmp-123/qmp.pid");
  }

  @Test
  void tcgPhaseAsksForTcgOnly() {
    assertThat(new ProbeCommandLine(BIN, DIR, ProbePhase.TCG).argv())
        .contains("none,accel=tcg")
        .doesNotContain("none,accel=kvm:tcg");
  }

  @Test
  void environmentIsReplacedNotInherited() {
    Map<String, String> parent = new LinkedHashMap<>();
    parent.put("HOME", "/root");
    parent.put("PATH", "/usr/bin:/bin");
    parent.put("LANG", "de_DE.UTF-8");
    parent.put("LC_ALL", "de_DE.UTF-8");
    parent.put("QEMU_AUDIO_DRV", "none");
    parent.put("TMPDIR", "/var/tmp");
    assertThat(ProbeCommandLine.environment(parent))
        .containsExactly(
            Map.entry("LC_ALL", "C"),
            Map.entry("PATH", "/usr/bin:/bin"),
            Map.entry("HOME", "/root"),
            Map.entry("TMPDIR", "/var/tmp"));
  }
}

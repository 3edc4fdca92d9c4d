// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.qmp.RecordingTransport;
import org.domcaps.qemu.qmp.ReplayDivergenceException;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayDivergenceTest {
  private static Path recording(String name) {
    return SharedData.conformance().resolve("replies").resolve(name);
  }

  @Test
  void changedArgumentNamesTheFirstDivergingCommand(@TempDir Path dir) throws IOException {
    Path src = recording("caps_7.2.0.x86_64.replies");
    String text = Files.readString(src);
    String needle = "\"typename\": \"scsi-hd\"";
    assertThat(text).contains(needle);
    Path modified = dir.resolve("modified.replies");
    Files.writeString(modified, text.replaceFirst(needle, "\"typename\": \"scsi-cd\""));

    assertThatThrownBy(() -> QemuProbe.replay(modified, ReplayConformanceTest.testContext(src)))
        .isInstanceOf(ReplayDivergenceException.class)
        .hasMessageContaining(modified.toString())
        .hasMessageContaining("diverges from the recording")
        .hasMessageContaining(
            "expected {\"execute\":\"device-list-properties\","
                + "\"arguments\":{\"typename\":\"scsi-cd\"}")
        .hasMessageContaining(
            "the probe sent {\"execute\":\"device-list-properties\","
                + "\"arguments\":{\"typename\":\"scsi-hd\"}")
        .satisfies(e -> assertThat(((ReplayDivergenceException) e).index()).isGreaterThan(7));
  }

  @Test
  void leftoverRecordedCommandsFail(@TempDir Path dir) throws IOException {
    Path src = recording("caps_5.2.0.riscv64.replies");
    String text = Files.readString(src);
    Path longer = dir.resolve("longer.replies");
    Files.writeString(
        longer,
        text + "\n{\n  \"execute\": \"query-kvm\",\n  \"id\": \"libvirt-99\"\n}\n\n"
            + "{\n  \"return\": {\n  },\n  \"id\": \"libvirt-99\"\n}\n");
    assertThatThrownBy(() -> QemuProbe.replay(longer, ReplayConformanceTest.testContext(src)))
        .isInstanceOf(ReplayDivergenceException.class)
        .hasMessageContaining("1 recorded command(s) were never sent by the probe")
        .hasMessageContaining("\"execute\":\"query-kvm\"");
  }

  @Test
  void truncatedRecordingNamesTheCommandThatHasNoAnswer(@TempDir Path dir) throws IOException {
    Path src = recording("caps_5.2.0.riscv64.replies");
    String text = Files.readString(src);
    int cut = text.indexOf("{\n  \"execute\": \"query-machines\"");
    Path shorter = dir.resolve("shorter.replies");
    Files.writeString(shorter, text.substring(0, cut - 2) + "\n");
    assertThatThrownBy(() -> QemuProbe.replay(shorter, ReplayConformanceTest.testContext(src)))
        .isInstanceOf(ReplayDivergenceException.class)
        .hasMessageContaining("\"execute\":\"query-machines\"")
        .hasMessageContaining("but the recording ends after");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#replies")
  void recordingAReplayReproducesTheFile(Path replies) throws IOException {
    ReplayConnector replay = ReplayConnector.fromFile(replies);
    RecordingConnector recorder = new RecordingConnector(replay);
    QemuProbe.probe(recorder, ReplayConformanceTest.testContext(replies));
    replay.assertFullyReplayed();
    RecordingTransport.Log log = recorder.log();
    assertThat(log.format()).isEqualTo(Files.readString(replies));
  }
}

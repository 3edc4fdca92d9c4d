// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts commands as a user runs them: output, framing and exit status. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class HostsCommandsTest {
  private static final Path GOLDEN = SharedData.conformance()
      .resolve("domaincaps/qemu_7.2.0.x86_64.xml");
  private static final Path OLDER = SharedData.conformance()
      .resolve("domaincaps/qemu_5.0.0.x86_64.xml");
  private static final Path ORACLE = SharedData.oracle().resolve("x86_64/default.xml");

  @TempDir Path tmp;

  @Test
  void poolOfADocumentWithItselfPrintsItByteForByte() throws Exception {
    for (Path f : List.of(GOLDEN, ORACLE)) {
      CliRun run = CliRun.of("pool", f.toString(), f.toString());
      assertThat(run.exit()).isZero();
      assertThat(run.out()).isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
    }
  }

  @Test
  void poolRefusesDifferentArches() {
    CliRun run = CliRun.of("pool", GOLDEN.toString(),
        SharedData.conformance().resolve("domaincaps/qemu_7.0.0.aarch64.xml").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("cannot pool documents of different arches: 'x86_64' and 'aarch64'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void diffExitsLikeDiff() {
    CliRun same = CliRun.of("diff", GOLDEN.toString(), GOLDEN.toString());
    assertThat(same.exit()).isZero();
    assertThat(same.out()).isEmpty();
    CliRun different = CliRun.of("diff", GOLDEN.toString(), OLDER.toString());
    assertThat(different.exit()).isEqualTo(1);
    assertThat(different.out())
        .contains(".machine: \"pc-i440fx-7.2\" in A, \"pc-i440fx-5.0\" in B\n");
    CliRun json = CliRun.of("diff", "--format", "json", GOLDEN.toString(), OLDER.toString());
    assertThat(json.out())
        .startsWith("[\n  {\n    \"kind\": \"value\",\n    \"path\": \".machine\",");
    CliRun missing = CliRun.of("diff", GOLDEN.toString(), tmp.resolve("none.xml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.xml: no such file");
  }

  @Test
  void poolThenDiffListsWhatTheFirstHostLoses() {
    Path pooled = tmp.resolve("pool.xml");
    CliRun pool = CliRun.of("pool", GOLDEN.toString(), OLDER.toString());
    assertThat(pool.exit()).isZero();
    try {
      Files.writeString(pooled, pool.out());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CliRun diff = CliRun.of("diff", GOLDEN.toString(), pooled.toString());
    assertThat(diff.out()).contains(".devices.graphics.enums.type: \"dbus\" only in A\n")
        .doesNotContain("only in B");
  }

  @Test
  void labelsOfASavedDocument() {
    CliRun run =
        CliRun.of("labels", SharedData.conformance().resolve("domaincaps/qemu_4.2.0.x86_64.xml")
            .toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("host-model-cpu.node.kubevirt.io/Skylake-Client-IBRS=true\n",
        "cpu-vendor.node.kubevirt.io/Intel=true\n", "cpu-feature.node.kubevirt.io/ssse3=true\n");
    CliRun json = CliRun.of("labels", "--format", "json",
        SharedData.conformance().resolve("domaincaps/qemu_4.2.0.x86_64.xml").toString());
    assertThat(json.out()).startsWith("{\n  \"cpu-feature.node.kubevirt.io/").endsWith("\"\n}\n");
  }

  /** The commands' streams and exit status, each against one live virsh call. */
  @Test
  void cpuCommandsPrintAndExitAsVirsh() throws Exception {
    EmbeddedLibvirt.assumeAvailable();
    Path noCpu = tmp.resolve("empty.xml");
    Files.writeString(noCpu, "<domain/>\n");
    Path bare = tmp.resolve("bare.xml");
    Files.writeString(bare, "<cpu><model>qemu64</model></cpu>\n");
    List<List<String>> cases = List.of(
        List.of("hypervisor-cpu-baseline", GOLDEN.toString()),
        List.of("hypervisor-cpu-baseline", noCpu.toString()),
        List.of("hypervisor-cpu-baseline", tmp.resolve("missing.xml").toString()),
        List.of("hypervisor-cpu-compare", GOLDEN.toString()),
        List.of("hypervisor-cpu-compare", "--error", GOLDEN.toString()),
        List.of("hypervisor-cpu-compare", "--virttype", "qemu", bare.toString()));
    for (List<String> c : cases) {
      EmbeddedLibvirt.Result libvirt;
      try (EmbeddedLibvirt lv = EmbeddedLibvirt.privileged(null)) {
        libvirt = lv.virsh(c.toArray(String[]::new));
      }
      String[] ours = c.toArray(String[]::new);
      ours[0] = ours[0].replace("hypervisor-", "");
      CliRun run = CliRun.of(ours);
      assertThat(run.out()).as("stdout of " + c).isEqualTo(libvirt.stdout());
      assertThat(run.err()).as("stderr of " + c).isEqualTo(libvirt.stderr());
      assertThat(run.exit()).as("exit status of " + c).isEqualTo(libvirt.status());
    }
  }
}

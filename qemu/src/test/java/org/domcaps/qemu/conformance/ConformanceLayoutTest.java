// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on directories it has not seen: cache files instead of recordings, a bad golden. */
class ConformanceLayoutTest {
  @TempDir Path dir;

  private static final Path SUITE = SharedData.conformance();

  private void link(String sub, String name) throws Exception {
    Files.createDirectories(dir.resolve(sub));
    // A temporary copy: links out of a @TempDir make JUnit warn on cleanup.
    Files.copy(SUITE.resolve(sub).resolve(name), dir.resolve(sub).resolve(name));
  }

  @Test
  void cacheFilesStandInForMissingRecordings() throws Exception {
    link("domaincaps", "qemu_7.2.0-q35.x86_64.xml");
    link("domaincaps", "qemu_5.2.0.s390x.xml");
    link("domaincaps", "qemu_7.0.0-virt.aarch64.xml");
    link("qemucaps", "caps_7.2.0.x86_64.xml");
    link("qemucaps", "caps_5.2.0.s390x.xml");
    link("qemucaps", "caps_7.0.0.aarch64.xml");
    ConformanceReport r = ConformanceSuite.run(dir, Optional.of(SUITE.resolve("firmware")));
    assertThat(r.lines()).containsExactly("3/3 identical outside <cpu>", "3/3 byte-identical");
    assertThat(r.allIdentical()).isTrue();
  }

  @Test
  void aDifferingGoldenIsListedWithItsFirstDifferingLine() throws Exception {
    link("replies", "caps_7.2.0.x86_64.replies");
    Files.createDirectories(dir.resolve("domaincaps"));
    String golden = Files.readString(SUITE.resolve("domaincaps/qemu_7.2.0-tcg.x86_64.xml"));
    Files.writeString(dir.resolve("domaincaps/qemu_7.2.0-tcg.x86_64.xml"),
        golden.replace("<domain>qemu</domain>", "<domain>kvm</domain>"));
    Files.writeString(dir.resolve("domaincaps/qemu_9.9.9.x86_64.xml"), golden);
    ConformanceReport r = ConformanceSuite.run(dir, Optional.of(SUITE.resolve("firmware")));
    assertThat(r.allIdentical()).isFalse();
    assertThat(r.lines()).hasSize(4);
    assertThat(r.lines().get(0)).isEqualTo("DIFFERS qemu_7.2.0-tcg.x86_64.xml: line 3: "
        + "expected \"  <domain>kvm</domain>\", got \"  <domain>qemu</domain>\"");
    assertThat(r.lines().get(1)).startsWith("DIFFERS qemu_9.9.9.x86_64.xml: cannot regenerate: ");
    assertThat(r.lines().get(3)).isEqualTo("0/2 byte-identical");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host key's parts, read as libvirt reads them; and where the cache lives. */
class LiveHostKeyTest {
  static final String CPUINFO = """
      processor	: 0
      vendor_id	: AuthenticAMD
      cpu family	: 26
      model		: 2
      model name	: AMD EPYC
      stepping	: 1
      microcode	: 0x1000065
      flags		: fpu vme
      
      processor	: 1
      vendor_id	: OtherVendor
      """;

  @Test
  void x86SignatureTakesTheFirstOfEachField() {
    assertThat(LiveHostKey.signature("x86_64", CPUINFO))
        .contains("AuthenticAMD, AMD EPYC, family: 26, model: 2, stepping: 1");
    assertThat(LiveHostKey.signature("aarch64", CPUINFO)).isEmpty();
  }

  @Test
  void microcodeIsParsedWithBaseZeroAsStrtoul() {
    assertThat(LiveHostKey.microcode(CPUINFO)).isEqualTo(0x1000065L);
    assertThat(LiveHostKey.microcode("microcode : 42\n")).isEqualTo(42);
    assertThat(LiveHostKey.microcode("no such line")).isZero();
  }

  @Test
  void locationPrecedence() {
    assertThat(CacheLocation.resolve(Optional.of(Path.of("/x")), Map.of("DOMCAPS_CACHE_DIR", "/y"),
        true)).isEqualTo(Path.of("/x"));
    assertThat(CacheLocation.resolve(Optional.empty(), Map.of("DOMCAPS_CACHE_DIR", "/y"), true))
        .isEqualTo(Path.of("/y"));
    assertThat(CacheLocation.resolve(Optional.empty(), Map.of("XDG_CACHE_HOME", "/c"), true))
        .isEqualTo(Path.of("/var/cache/domcaps"));
    assertThat(CacheLocation.resolve(Optional.empty(), Map.of("XDG_CACHE_HOME", "/c"), false))
        .isEqualTo(Path.of("/c/domcaps"));
    assertThat(CacheLocation.resolve(Optional.empty(), Map.of("HOME", "/h"), false))
        .isEqualTo(Path.of("/h/.cache/domcaps"));
  }

  @Test
  void entryNameIsLibvirtsSha256OfThePath() {
    assertThat(EntryNames.sha256("/usr/bin/qemu-system-x86_64"))
        .isEqualTo("926803a9278e445ec919c2b6cbd8c1c449c75b26dcb1686b774314180376c725");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the cache lives and what its entries are called. */
class CacheLocationTest {
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

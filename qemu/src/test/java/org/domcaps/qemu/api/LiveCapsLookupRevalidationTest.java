// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.host.HostIdentity;
import org.domcaps.qemu.probe.ReplayConnector;
import org.domcaps.qemu.testing.ConformanceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived {@link LiveCapsLookup} remembers probes only while the binary stays as probed:
 * replay sessions stand in for QEMU, a script file for its binary.
 */
class LiveCapsLookupRevalidationTest {
  @TempDir Path dir;

  private final AtomicInteger probes = new AtomicInteger();

  private LiveCapsLookup lookup() throws IOException {
    Path replies = ConformanceFiles.replies().stream()
        .filter(p -> p.getFileName().toString().endsWith(".x86_64.replies")).findFirst()
        .orElseThrow();
    return new LiveCapsLookup(b -> {
      probes.incrementAndGet();
      try {
        return ReplayConnector.fromFile(replies);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, b -> ProbeContexts.archOnly(b, "x86_64"));
  }

  private Path binary() throws IOException {
    Path bin = dir.resolve("qemu-system-x86_64");
    Files.writeString(bin, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void remembersWhileTheBinaryIsUnchanged() throws Exception {
    LiveCapsLookup lookup = lookup();
    String bin = binary().toString();
    assertThat(lookup.lookup(bin)).isSameAs(lookup.lookup(bin));
    assertThat(probes).hasValue(1);
  }

  @Test
  void probesAgainWhenTheBinaryChanged() throws Exception {
    LiveCapsLookup lookup = lookup();
    Path bin = binary();
    lookup.lookup(bin.toString());
    long before = HostIdentity.ctimeSeconds(bin);
    // ctime has one-second resolution (as libvirt reads it): change the file until it shows.
    for (int i = 0; i < 60 && HostIdentity.ctimeSeconds(bin) == before; i++) {
      Thread.sleep(100);
      Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString(
          i % 2 == 0 ? "rwxr-x---" : "rwxr-xr-x"));
    }
    assertThat(HostIdentity.ctimeSeconds(bin)).as("ctime moved on").isNotEqualTo(before);
    lookup.lookup(bin.toString());
    assertThat(probes).hasValue(2);
  }

  @Test
  void refusesOnceTheBinaryIsGone() throws Exception {
    LiveCapsLookup lookup = lookup();
    Path bin = binary();
    lookup.lookup(bin.toString());
    Files.delete(bin);
    assertThatThrownBy(() -> lookup.lookup(bin.toString()))
        .isInstanceOf(DomCapsException.class)
        .hasMessageContaining(bin.toString());
    assertThat(probes).hasValue(1);
  }
}

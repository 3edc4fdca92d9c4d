// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed libvirt release from its library's name, and the default release from it. */
class InstalledLibvirtTest {
  @TempDir Path dir;

  @Test
  void readsTheReleaseFromTheLibraryName() {
    assertThat(InstalledLibvirt.fromLibraryName("libvirt.so.0.9000.0"))
        .contains(LibvirtVersion.V9_0);
    assertThat(InstalledLibvirt.fromLibraryName("libvirt.so.0.11003.0"))
        .contains(LibvirtVersion.V11_3);
    assertThat(InstalledLibvirt.fromLibraryName("libvirt.so.0.10010.1"))
        .contains(LibvirtVersion.of(10, 10, 1));
    assertThat(InstalledLibvirt.fromLibraryName("libvirt.so.0")).isEmpty();
    assertThat(InstalledLibvirt.fromLibraryName("libvirt-qemu.so.0.9000.0")).isEmpty();
  }

  @Test
  void findsItInTheFirstDirectoryHoldingOne() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Files.createFile(lib.resolve("libvirt.so.0.11003.0"));
    Files.createSymbolicLink(lib.resolve("libvirt.so.0"), Path.of("libvirt.so.0.11003.0"));
    assertThat(InstalledLibvirt.find(List.of(dir.resolve("missing"), empty, lib)))
        .contains(LibvirtVersion.V11_3);
    assertThat(InstalledLibvirt.find(List.of(empty))).isEmpty();
  }

  @Test
  void theDefaultIsTheInstalledReleaseWhenSupportedElseTheNewest() {
    assertThat(InstalledLibvirt.defaultRelease(Optional.of(LibvirtVersion.V9_0)))
        .isEqualTo(LibvirtVersion.V9_0);
    assertThat(InstalledLibvirt.defaultRelease(Optional.of(LibvirtVersion.of(11, 3, 2))))
        .isEqualTo(LibvirtVersion.V11_3);
    assertThat(InstalledLibvirt.defaultRelease(Optional.of(LibvirtVersion.of(10, 0, 0))))
        .isEqualTo(LibvirtVersion.V11_3);
    assertThat(InstalledLibvirt.defaultRelease(Optional.empty())).isEqualTo(LibvirtVersion.V11_3);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorBinaryCheckTest {
  @TempDir Path dir;

  @Test
  void missingFileUsesLibvirtsWording() {
    Path missing = dir.resolve("qemu-system-nowhere");
    assertThatThrownBy(() -> EmulatorBinaryCheck.requireExecutable(missing))
        .isInstanceOf(QemuLaunchException.class)
        .hasMessage("Cannot check QEMU binary " + missing + ": No such file or directory");
  }

  @Test
  void fileWithoutExecuteBitIsNotExecutable() throws Exception {
    Path file = dir.resolve("qemu-system-noexec");
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> EmulatorBinaryCheck.requireExecutable(file))
        .hasMessage("QEMU binary " + file + " is not executable: Permission denied");
  }

  @Test
  void directoryIsNotExecutable() {
    assertThatThrownBy(() -> EmulatorBinaryCheck.requireExecutable(dir))
        .hasMessage("QEMU binary " + dir + " is not executable: Is a directory");
  }

  @Test
  void anyExecuteBitIsEnough() throws Exception {
    Path file = dir.resolve("qemu-system-otherx");
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r-x"));
    assertThat(EmulatorBinaryCheck.requireExecutable(file))
        .isEqualTo(Files.getAttribute(file, "unix:ctime"));
  }
}

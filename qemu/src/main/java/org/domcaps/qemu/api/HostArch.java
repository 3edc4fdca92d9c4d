// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.domcaps.qemu.build.VirtArch;

/** This host's libvirt arch (virArchFromHost over uname's machine field). */
final class HostArch {
  private HostArch() {}

  static String live() {
    String machine;
    try {
      // The kernel's uname machine string, without native code.
      machine = Files.readString(Path.of("/proc/sys/kernel/arch")).trim();
    } catch (IOException e) {
      machine = switch (System.getProperty("os.arch")) {
        case "amd64" -> "x86_64";
        case "x86", "i386" -> "i686";
        default -> System.getProperty("os.arch");
      };
    }
    return VirtArch.fromUname(machine);
  }
}

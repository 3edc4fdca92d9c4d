// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.qemu.testing.Executables;
import org.domcaps.qemu.testing.NobodyFiles;

/**
 * A stand-in for {@code /etc/qemu/firmware}: a private directory that our side reads in place of
 * the real one ({@link #roots}) and that libvirt sees at {@code /etc/qemu/firmware} when started
 * through {@link #runner()}: a private mount namespace ({@code unshare -m}, root only) in which
 * {@code /etc} is an overlay whose upper layer lives in this directory, with the stand-in bind
 * mounted at {@code /etc/qemu/firmware}. The host's {@code /etc} is never written, whether or not
 * it has a {@code qemu/firmware} directory.
 */
final class EtcQemuFirmware implements AutoCloseable {
  private static final String SCRIPT =
      "#!/bin/sh\n"
          + "# Runs \"$@\" with $W/firmware at /etc/qemu/firmware, in a private mount namespace.\n"
          + "exec unshare -m sh -c '\n"
          + "W=$0\n"
          + "mkdir -p \"$W/overlay/upper\" \"$W/overlay/work\"\n"
          + "mount -t overlay overlay -o \"lowerdir=/etc,upperdir=$W/overlay/upper,"
          + "workdir=$W/overlay/work\" /etc || exit 125\n"
          + "mkdir -p /etc/qemu/firmware && mount --bind \"$W/firmware\" /etc/qemu/firmware"
          + " || exit 125\n"
          + "exec \"$@\"' \"$(dirname \"$0\")\" \"$@\"\n";

  private final Path work = NobodyFiles.privateDir("domcaps-etc-qemu");
  private final Path dir = work.resolve("firmware");
  private final Path runner = work.resolve("with-private-etc-qemu-firmware");

  EtcQemuFirmware() {
    try {
      Files.createDirectories(dir);
      Executables.write(runner, SCRIPT);
    } catch (IOException e) {
      NobodyFiles.deleteTree(work);
      throw new UncheckedIOException(e);
    }
  }

  /** The stand-in directory: what libvirt reads as /etc/qemu/firmware. */
  Path dir() {
    return dir;
  }

  /** {@code runner CMD ARGS...} runs CMD seeing {@link #dir()} at /etc/qemu/firmware. */
  Path runner() {
    return runner;
  }

  /** {@code roots} with {@link FirmwareRoots#SYSCONF_DIR} replaced by the stand-in. */
  FirmwareRoots roots(FirmwareRoots roots) {
    List<Path> dirs = new ArrayList<>();
    for (Path d : roots.dirs()) {
      dirs.add(d.equals(FirmwareRoots.SYSCONF_DIR) ? dir : d);
    }
    return new FirmwareRoots(dirs);
  }

  /** Empties the directory between scenarios. */
  void clear() {
    NobodyFiles.deleteTree(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    NobodyFiles.deleteTree(work);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.domcaps.qemu.testing.NobodyFiles;
import org.domcaps.qemu.testing.HostFirmwareLock;

/**
 * Exclusive use of the real {@code /etc/qemu/firmware} for one scenario: an existing directory is
 * renamed aside (content and metadata untouched) and renamed back on {@link #close()}; whatever
 * this class created ({@code /etc/qemu} included) is removed. Holds {@link HostFirmwareLock}
 * exclusively meanwhile, so concurrent test runs from other checkouts on this machine wait.
 */
final class EtcQemuFirmware implements AutoCloseable {
  static final Path DIR = FirmwareRoots.SYSCONF_DIR;
  private final Path parent = DIR.getParent();
  private final boolean createdParent;
  private final Path aside;
  private final HostFirmwareLock lock;

  EtcQemuFirmware() {
    lock = HostFirmwareLock.exclusive();
    try {
      createdParent = !Files.exists(parent, LinkOption.NOFOLLOW_LINKS);
      Files.createDirectories(parent);
      if (Files.exists(DIR, LinkOption.NOFOLLOW_LINKS)) {
        aside = parent.resolve("firmware.domcaps-test-aside-" + ProcessHandle.current().pid());
        Files.move(DIR, aside, StandardCopyOption.ATOMIC_MOVE);
      } else {
        aside = null;
      }
      Files.createDirectories(DIR);
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return DIR;
  }

  /** Empties the directory between scenarios. */
  void clear() {
    NobodyFiles.deleteTree(DIR);
    try {
      Files.createDirectories(DIR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      NobodyFiles.deleteTree(DIR);
      if (aside != null) {
        Files.move(aside, DIR, StandardCopyOption.ATOMIC_MOVE);
      } else if (createdParent) {
        Files.delete(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.close();
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A machine-wide lock on the real firmware descriptor directories. Test runs from several
 * checkouts share this machine: a test that edits {@code /etc/qemu/firmware} takes it exclusively;
 * a test that compares live answers with libvirt (and so reads those directories) takes it shared.
 * The lock is an fcntl lock on a file in /tmp, released when closed or when the JVM exits.
 */
public final class HostFirmwareLock implements AutoCloseable {
  static final Path FILE = Path.of("/tmp/domcaps-etc-qemu-firmware.lock");
  private final FileChannel channel;
  private final FileLock lock;

  private HostFirmwareLock(boolean shared) {
    try {
      channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      lock = channel.lock(0, Long.MAX_VALUE, shared); // waits for the other holder
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + FILE, e);
    }
  }

  /** For tests that change /etc/qemu/firmware; waits until no other run reads or edits it. */
  public static HostFirmwareLock exclusive() {
    return new HostFirmwareLock(false);
  }

  /** For tests that read the real descriptor directories (live comparisons with libvirt). */
  public static HostFirmwareLock shared() {
    return new HostFirmwareLock(true);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * What an emulator binary holds: its size and the CRC32C of its bytes (the JDK computes it with
 * the CPU's instruction, a few GB/s: all 27 QEMU binaries of a Debian host, 300 MB, in about a
 * tenth of a second). Enough to tell a {@code touch} or an identical reinstall from new bytes;
 * a binary that cannot be read is {@link #UNREADABLE}, never equal to what it was.
 */
record BinaryBytes(long size, long crc32c) {
  static final BinaryBytes UNREADABLE = new BinaryBytes(-1, -1);

  static BinaryBytes of(String binary) {
    try (FileChannel ch = FileChannel.open(Path.of(binary), StandardOpenOption.READ)) {
      CRC32C crc = new CRC32C();
      ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
      long size = 0;
      int n;
      while ((n = ch.read(buf)) >= 0) {
        size += n;
        buf.flip();
        crc.update(buf);
        buf.clear();
      }
      return new BinaryBytes(size, crc.getValue());
    } catch (IOException | RuntimeException e) {
      return UNREADABLE;
    }
  }

  @Override
  public boolean equals(Object o) {
    // An unreadable binary is a change whatever it was before (it must be looked up again).
    return o instanceof BinaryBytes b && b.size == size && b.crc32c == crc32c && size >= 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size * 31 + crc32c);
  }
}

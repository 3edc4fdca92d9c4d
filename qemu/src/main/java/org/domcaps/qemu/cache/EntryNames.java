// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** libvirt's entry name: the lower-case hex SHA-256 of the binary path string (virfilecache.c). */
final class EntryNames {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private EntryNames() {}

  static String sha256(String binary) {
    byte[] d;
    try {
      d = MessageDigest.getInstance("SHA-256").digest(binary.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[d[i] & 0xF];
    }
    return new String(out);
  }
}

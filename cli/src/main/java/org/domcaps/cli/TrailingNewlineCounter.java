// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through and remembers how many newlines it ended with. virsh frames a document with
 * two newlines after libvirt's own final one; {@code domcaps format} keeps the framing a file had
 * so
 * that a file written by virsh reads and writes back byte for byte.
 */
final class TrailingNewlineCounter extends FilterReader {
  private int trailing;

  TrailingNewlineCounter(Reader in) {
    super(in);
  }

  /** Newlines at the very end of what has been read so far. */
  int trailingNewlines() {
    return trailing;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      note((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + n; i++) {
      note(buf[i]);
    }
    return n;
  }

  private void note(char c) {
    trailing = c == '\n' ? trailing + 1 : 0;
  }
}

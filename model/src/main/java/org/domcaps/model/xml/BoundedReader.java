// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes at most {@code limit} characters through and fails the next read, so an oversized
 * document is refused while it streams in, never held whole in memory.
 */
final class BoundedReader extends FilterReader {
  private final long limit;
  private long count;
  private boolean exceeded;

  BoundedReader(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (count >= limit) {
      // Probe one character: a document of exactly the limit is fine.
      if (super.read() < 0) {
        return -1;
      }
      exceeded = true;
      throw new IOException("document exceeds " + limit + " characters");
    }
    int n = super.read(buf, off, (int) Math.min(len, limit - count));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip not supported");
  }
}

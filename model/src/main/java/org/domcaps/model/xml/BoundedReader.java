// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes at most {@code limit} characters through and fails the next read, so an oversized
 * document is refused while it streams in, never held whole in memory.
 */
final class BoundedReader extends Reader {
  // Not a FilterReader: that one locks on (and so keeps) the reader it wraps, and detach() must
  // let go of the caller's document.
  private Reader in;
  private final long limit;
  private long count;
  private boolean exceeded;

  BoundedReader(Reader in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * A leading U+FEFF (a UTF-8 byte order mark, decoded) is dropped: editors on other systems
   * write one, and StAX refuses it on a character stream as content before the prolog. The first
   * character is read ahead for that; {@code pending} holds it until passed on (-1: none).
   */
  private int pending = -1;
  private boolean started;

  /** Lets go of the underlying reader; every later read sees the end of input. */
  void detach() {
    in = Reader.nullReader();
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (!started) {
      started = true;
      int first = in.read();
      if (first < 0) {
        return -1;
      }
      if (first != '\uFEFF') {
        pending = first;
      }
    }
    if (pending >= 0 && len > 0) {
      buf[off] = (char) pending;
      pending = -1;
      count++;
      return 1;
    }
    if (count >= limit) {
      // Probe one character: a document of exactly the limit is fine.
      if (in.read() < 0) {
        return -1;
      }
      exceeded = true;
      throw new IOException("document exceeds " + limit + " characters");
    }
    int n = in.read(buf, off, (int) Math.min(len, limit - count));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skip not supported");
  }

  /** The caller owns the underlying reader and closes it. */
  @Override
  public void close() {
    // nothing of ours to release
  }
}

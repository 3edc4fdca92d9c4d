// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Standard output that remembers why a write failed. {@link PrintWriter} only keeps an error
 * flag, so a full disk ({@code > /dev/full}) or a closed pipe used to end with exit 0 and half an
 * answer; {@link Main} asks {@link #report} after every command and turns a failure into {@code
 * error: writing output: No space left on device} and exit 1.
 */
final class CheckedOutput extends FilterOutputStream {
  private IOException failure;

  CheckedOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw remember(e);
    }
  }

  private synchronized IOException remember(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * The exit status of a command that ended with {@code status} after writing through {@code
   * writer} (flushed here): 1 with {@code error: writing output: REASON} on {@code err} if any
   * write failed, else {@code status}.
   */
  synchronized int report(PrintWriter writer, PrintWriter err, int status) {
    writer.flush();
    if (failure == null && !writer.checkError()) {
      return status;
    }
    String reason = failure == null ? "write failed" : failure.getMessage();
    err.println("error: writing output: " + reason);
    err.flush();
    return 1;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps a transport and records every command with its reply, to be written in the
 * {@code .replies} layout ({@link #format()}). Several transports (one per probe phase) can share
 * one {@link Log} so that both phases land in one recording, as libvirt's qemucapsprobe writes it.
 */
public final class RecordingTransport implements QmpTransport {
  private final QmpTransport delegate;
  private final Log log;

  public RecordingTransport(QmpTransport delegate, Log log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public JsonNode greeting() throws IOException {
    return delegate.greeting();
  }

  @Override
  public JsonNode exchange(JsonNode command) throws IOException {
    JsonNode reply = delegate.exchange(command);
    log.add(new QmpExchange(command.deepCopy(), reply.deepCopy(), 0));
    return reply;
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  /** The recorded exchanges, in order, across all transports sharing the log. */
  public static final class Log {
    private final List<QmpExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    void add(QmpExchange x) {
      exchanges.add(x);
    }

    public List<QmpExchange> exchanges() {
      synchronized (exchanges) {
        return List.copyOf(exchanges);
      }
    }

    /** The recording in libvirt's {@code .replies} layout. */
    public String format() {
      return RepliesFile.format(exchanges());
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;

/**
 * The wire under a QMP session: sends one command object and returns QEMU's reply object for it
 * (events already skipped). Implementations: a live Unix-socket connection to QEMU, a replay of a
 * {@code .replies} recording, and a recorder wrapping either.
 *
 * <p>The command is passed exactly as libvirt would send it (execute, optional arguments, id
 * {@code libvirt-N}); the reply is the whole {@code {"return": ...}} or {@code {"error": ...}}
 * object. Interpreting errors is the session's job, not the transport's.
 */
public interface QmpTransport extends Closeable {
  /** Reads QEMU's greeting ({@code {"QMP": ...}}). Replay transports return a synthetic one. */
  JsonNode greeting() throws IOException;

  /** Sends {@code command} and returns the reply object that answers it. */
  JsonNode exchange(JsonNode command) throws IOException;

  @Override
  void close() throws IOException;
}

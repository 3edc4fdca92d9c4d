// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Answers a probe from a {@code .replies} recording. Each command the probe sends must equal the
 * next recorded one after compact re-serialisation of both (key order and id included), as
 * libvirt's qemumonitortestutils checks; the recorded reply is returned.
 *
 * <p>A recording may hold several sessions (phase 1 and phase 2 of a KVM probe), each starting
 * with {@code qmp_capabilities}. {@link #close()} ends the current session and fails when recorded
 * commands of that session were not asked; {@link #assertFullyReplayed()} fails when anything of
 * the recording is left.
 */
public final class ReplayTransport implements QmpTransport {
  private final List<QmpExchange> entries;
  private final String source;
  private int position;

  public ReplayTransport(List<QmpExchange> entries, String source) {
    this.entries = List.copyOf(entries);
    this.source = source;
  }

  public static ReplayTransport fromFile(Path file) throws IOException {
    return new ReplayTransport(RepliesFile.read(file), file.toString());
  }

  /** A synthetic greeting: recordings do not hold QEMU's (libvirt's test fakes one too). */
  @Override
  public JsonNode greeting() {
    try {
      return QmpJson.parse(
          "{\"QMP\":{\"version\":{\"qemu\":{\"micro\":0,\"minor\":0,\"major\":0},\"package\":\"\"},"
              + "\"capabilities\":[]}}");
    } catch (QmpProtocolException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public JsonNode exchange(JsonNode command) throws IOException {
    String sent = QmpJson.compact(command);
    if (position >= entries.size()) {
      throw new ReplayDivergenceException(
          source + ": the probe sent command #" + (position + 1) + " " + sent
              + " but the recording ends after " + entries.size() + " commands",
          position + 1);
    }
    QmpExchange next = entries.get(position);
    String expected = QmpJson.compact(next.command());
    if (!expected.equals(sent)) {
      throw new ReplayDivergenceException(
          source + ":" + next.line() + ": command #" + (position + 1)
          + " diverges from the recording:"
              + " expected " + expected + " but the probe sent " + sent,
          position + 1);
    }
    position++;
    return next.reply();
  }

  /** Number of recorded commands answered so far. */
  public int position() {
    return position;
  }

  public int size() {
    return entries.size();
  }

  /**
   * Ends a session: the rest of the recording must be empty or start a new session with
   * {@code qmp_capabilities}.
   */
  @Override
  public void close() throws IOException {
    if (position < entries.size() && !"qmp_capabilities".equals(entries.get(position).execute())) {
      throw unused();
    }
  }

  /** Fails when any recorded command was not asked. */
  public void assertFullyReplayed() throws ReplayDivergenceException {
    if (position < entries.size()) {
      throw unused();
    }
  }

  private ReplayDivergenceException unused() {
    QmpExchange next = entries.get(position);
    return new ReplayDivergenceException(
        source + ":" + next.line() + ": " + (entries.size() - position)
            + " recorded command(s) were never sent by the probe, first #" + (position + 1) + " "
            + QmpJson.compact(next.command()),
        position + 1);
  }
}

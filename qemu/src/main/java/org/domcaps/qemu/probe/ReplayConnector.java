// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.domcaps.qemu.qmp.QmpTransport;
import org.domcaps.qemu.qmp.ReplayDivergenceException;
import org.domcaps.qemu.qmp.ReplayTransport;

/**
 * Serves both probe phases from one {@code .replies} recording, in sequence: phase 1 is the first
 * session of the file, the TCG phase the second. Closing a phase fails when commands of that
 * session were left unasked; {@link #assertFullyReplayed()} fails when anything is left at all.
 */
public final class ReplayConnector implements QmpConnector {
  private final ReplayTransport replay;

  public ReplayConnector(ReplayTransport replay) {
    this.replay = replay;
  }

  public static ReplayConnector fromFile(Path replies) throws IOException {
    return new ReplayConnector(ReplayTransport.fromFile(replies));
  }

  @Override
  public QmpTransport open(ProbePhase phase) {
    // A view per phase: closing it ends the session, not the recording.
    return new QmpTransport() {
      @Override
      public JsonNode greeting() {
        return replay.greeting();
      }

      @Override
      public JsonNode exchange(JsonNode command) throws IOException {
        return replay.exchange(command);
      }

      @Override
      public void close() throws IOException {
        replay.close();
      }
    };
  }

  public void assertFullyReplayed() throws ReplayDivergenceException {
    replay.assertFullyReplayed();
  }
}

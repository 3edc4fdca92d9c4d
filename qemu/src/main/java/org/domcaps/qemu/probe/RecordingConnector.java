// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.io.IOException;
import org.domcaps.qemu.qmp.QmpTransport;
import org.domcaps.qemu.qmp.RecordingTransport;

/** Records every phase opened through {@code delegate} into one {@code .replies} log. */
public final class RecordingConnector implements QmpConnector {
  private final QmpConnector delegate;
  private final RecordingTransport.Log log = new RecordingTransport.Log();

  public RecordingConnector(QmpConnector delegate) {
    this.delegate = delegate;
  }

  @Override
  public QmpTransport open(ProbePhase phase) throws IOException {
    return new RecordingTransport(delegate.open(phase), log);
  }

  /** The conversation so far, both phases. */
  public RecordingTransport.Log log() {
    return log;
  }
}

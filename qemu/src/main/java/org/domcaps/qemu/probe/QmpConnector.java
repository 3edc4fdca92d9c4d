// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.io.IOException;
import org.domcaps.qemu.qmp.QmpTransport;

/**
 * Opens the QMP transport for one probe phase. The live implementation starts a QEMU process per
 * phase; the replay implementation hands out one recording that holds both phases in sequence.
 */
public interface QmpConnector {
  /** Opens (or continues) the transport for {@code phase}; the caller closes it after the phase. */
  QmpTransport open(ProbePhase phase) throws IOException;
}

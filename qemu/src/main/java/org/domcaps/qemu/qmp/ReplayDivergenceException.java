// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

/**
 * The probe's conversation departed from a recording: it sent a different command than the
 * recorded one, sent more commands than were recorded, or left recorded commands unasked.
 */
public final class ReplayDivergenceException extends QmpException {
  private static final long serialVersionUID = 1L;

  private final int index;

  public ReplayDivergenceException(String message, int index) {
    super(message);
    this.index = index;
  }

  /** 1-based number of the command (across the whole recording) where the divergence is. */
  public int index() {
    return index;
  }
}

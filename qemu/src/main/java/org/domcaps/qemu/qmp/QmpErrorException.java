// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

/**
 * QEMU answered a command with {@code {"error": {"class": ..., "desc": ...}}}. The message reads
 * like libvirt's: {@code unable to execute QEMU command 'NAME': DESC}.
 */
public final class QmpErrorException extends QmpException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final String errorClass;
  private final String description;

  public QmpErrorException(String command, String errorClass, String description) {
    super("unable to execute QEMU command '" + command + "': " + description);
    this.command = command;
    this.errorClass = errorClass;
    this.description = description;
  }

  /** The {@code execute} name of the failed command. */
  public String command() {
    return command;
  }

  /**
   * QEMU's error class ({@code GenericError}, {@code CommandNotFound}, {@code DeviceNotFound}...).
   */
  public String errorClass() {
    return errorClass;
  }

  /** QEMU's human-readable description. */
  public String description() {
    return description;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import org.domcaps.qemu.qmp.QmpException;

/**
 * The byte stream from the QMP peer broke: it closed the connection before answering, sent a line
 * that is not a JSON object, or an object that is neither greeting, event nor reply. Messages
 * follow libvirt's wording ("Missing monitor reply object", "cannot parse json ...").
 */
public class QmpStreamException extends QmpException {
  private static final long serialVersionUID = 1L;

  public QmpStreamException(String message) {
    super(message);
  }

  public QmpStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}

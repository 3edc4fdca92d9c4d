// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import java.io.IOException;

/**
 * The QMP peer broke the protocol: it closed the connection before answering, sent a line that is
 * not a JSON object, or an object that is neither greeting, event nor reply. Messages follow
 * libvirt's wording ("Missing monitor reply object", "cannot parse json ...").
 */
public class QmpProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public QmpProtocolException(String message) {
    super(message);
  }

  public QmpProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

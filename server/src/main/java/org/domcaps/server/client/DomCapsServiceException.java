// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server.client;

/**
 * The service refused a request: the HTTP status and the message of its JSON error body
 * (libvirt's text for a refused domain-capabilities request).
 */
public final class DomCapsServiceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public DomCapsServiceException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

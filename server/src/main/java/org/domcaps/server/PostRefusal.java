// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

/**
 * A {@link PostEndpoint}'s refusal of a request: the HTTP status (4xx for the client's mistakes,
 * 422 for a well-formed request the operation refuses) and the message of the JSON error body,
 * which quotes the input and says what was expected.
 */
public final class PostRefusal extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public PostRefusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

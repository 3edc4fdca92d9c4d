// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.Map;

/**
 * A {@code POST /v1/...} operation on a document the client sends (a domain definition for
 * {@code /v1/check}, capabilities documents for {@code /v1/diff}, ...). Implementations come from
 * the modules that own the operation and are added with {@link PostEndpoints#register}; the
 * server reads the bounded body, passes the current answers and writes what is returned.
 */
@FunctionalInterface
public interface PostEndpoint {
  /**
   * @param body the request body (at most the configured limit)
   * @param contentType the request's Content-Type, or null
   * @param query the query parameters, each given once
   * @param answers the capabilities the service serves now
   * @return the response (a refusal is a {@link Reply} with a 4xx status and a JSON error)
   */
  Reply handle(byte[] body, String contentType, Map<String, String> query, Answers answers)
      throws Exception;

  /** A response: status and document. */
  record Reply(int status, Document document) {
    public static Reply ok(Document d) {
      return new Reply(200, d);
    }

    /** A refusal with a JSON error body naming the problem. */
    public static Reply error(int status, String message) {
      return new Reply(status, ErrorBody.of(status, message));
    }
  }

  /** What an endpoint may ask of the running service. */
  interface Answers {
    /** The document {@code domcaps} prints for a request, as the service serves it now. */
    Document domcaps(String emulatorBin, String arch, String machine, String virtType,
        Format format) throws org.domcaps.qemu.api.DomCapsException;
  }
}

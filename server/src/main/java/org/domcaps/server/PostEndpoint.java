// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.Map;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.Options;

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
   * @return the response
   * @throws PostRefusal a refusal of the request: a 4xx status and a JSON error naming the problem
   */
  Reply handle(byte[] body, String contentType, Map<String, String> query, Answers answers)
      throws Exception;

  /** A response: status, document and extra headers. */
  record Reply(int status, Document document, Map<String, String> headers) {
    public Reply {
      headers = Map.copyOf(headers);
    }

    public Reply(int status, Document document) {
      this(status, document, Map.of());
    }

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

    /**
     * The release a {@code libvirt=} parameter names, read as for {@code GET /v1/domcaps}; the
     * service's default when {@code param} is null.
     *
     * @throws PostRefusal (400) naming the value and the releases served
     */
    LibvirtVersion libvirt(String param) throws PostRefusal;

    /**
     * The options the service answers with as {@code libvirt}: the current generation's, whose
     * lookups answer the installed emulators from their start-up probes.
     */
    Options options(LibvirtVersion libvirt);

    /** A header of the request (e.g. Accept), or null. */
    String header(String name);
  }
}

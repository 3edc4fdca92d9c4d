// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registration point for the {@code POST} operations that other modules provide. The paths
 * below are reserved: until a module registers one, it answers 501 with a JSON error (so a client
 * can tell "this build has no such operation" from a wrong path, which is 404).
 */
public final class PostEndpoints {
  /** The operations planned for the service, each owned by another module. */
  public static final List<String> RESERVED =
      List.of("/v1/check", "/v1/pool", "/v1/diff", "/v1/cpu-baseline", "/v1/cpu-compare");

  private final Map<String, PostEndpoint> endpoints = new ConcurrentHashMap<>();

  /**
   * Adds the operation at {@code path} (one of {@link #RESERVED}, or another {@code /v1/} path).
   */
  public PostEndpoints register(String path, PostEndpoint endpoint) {
    if (!path.startsWith("/v1/")) {
      throw new IllegalArgumentException("endpoint path must start with /v1/, got \"" + path
          + "\"");
    }
    if (endpoints.putIfAbsent(path, endpoint) != null) {
      throw new IllegalArgumentException("an endpoint is already registered at " + path);
    }
    return this;
  }

  Optional<PostEndpoint> find(String path) {
    return Optional.ofNullable(endpoints.get(path));
  }

  /** A POST path this service knows of, registered or not. */
  boolean known(String path) {
    return endpoints.containsKey(path) || RESERVED.contains(path);
  }
}

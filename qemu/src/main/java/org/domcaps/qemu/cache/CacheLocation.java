// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cache lives: an explicit directory ({@code --cache-dir}), else {@code
 * $DOMCAPS_CACHE_DIR}, else {@code /var/cache/domcaps} for root (libvirt's system daemon uses
 * {@code /var/cache/libvirt/qemu}), else {@code $XDG_CACHE_HOME/domcaps}, else {@code
 * ~/.cache/domcaps}.
 */
public final class CacheLocation {
  public static final String ENV = "DOMCAPS_CACHE_DIR";

  private CacheLocation() {}

  public static Path resolve(Optional<Path> explicit, Map<String, String> env, boolean privileged) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    if (privileged) {
      return Path.of("/var/cache/domcaps");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && xdg.startsWith("/")) {
      return Path.of(xdg, "domcaps");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".cache", "domcaps");
  }
}

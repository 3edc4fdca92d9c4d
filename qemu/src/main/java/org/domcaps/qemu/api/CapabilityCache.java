// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.cache.CacheEntries;
import org.domcaps.qemu.cache.CacheLocation;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.host.ProcessIdentity;

/**
 * The capability cache on disk (libvirt's {@code cache/qemu/capabilities} layout): where it is,
 * what it holds, and emptying it. {@link LiveOptions#forThisHost(java.util.function.Consumer,
 * Optional)} reads and fills it.
 *
 * <p>Thread-safe (stateless). Listing and clearing while another process probes are safe: entries
 * are written to a temporary file and renamed into place, so a listing sees whole entries only.
 */
public final class CapabilityCache {
  private CapabilityCache() {}

  /**
   * The cache directory: {@code explicit} when given, else {@code $DOMCAPS_CACHE_DIR}, {@code
   * /var/cache/domcaps} for root, else {@code $XDG_CACHE_HOME/domcaps} or {@code
   * ~/.cache/domcaps}.
   */
  public static Path location(Optional<Path> explicit) {
    return CacheLocation.resolve(explicit, System.getenv(), ProcessIdentity.privileged());
  }

  /**
   * The directory within the cache at {@code location} that holds libvirt {@code release}'s
   * entries (9.0's are at the top, as before releases were told apart).
   */
  public static Path entriesOf(Path location, LibvirtVersion release) {
    return LiveOptions.cacheDirOf(location, release);
  }

  /**
   * Every libvirt 9.0 entry of {@code dir}, sorted by file name, each checked against this host.
   */
  public static List<CachedProbe> list(Path dir) throws IOException {
    return list(dir, LibvirtVersion.V9_0);
  }

  /**
   * Every entry of {@code dir} (a directory {@link #entriesOf} names), sorted by file name, each
   * checked against this host now as libvirt {@code release} checks its entries.
   */
  public static List<CachedProbe> list(Path dir, LibvirtVersion release) throws IOException {
    List<CachedProbe> out = new ArrayList<>();
    for (CacheEntries.Entry e :
        CacheEntries.list(dir, LiveHostKey.read(LiveOptions.hostArch(), release))) {
      out.add(new CachedProbe(e.file(), e.caps().map(CachedProbe.Details::of), e.problem()));
    }
    return out;
  }

  /**
   * How many QEMU probes the capability cache behind {@code options} has run (its misses); 0 when
   * the options have no cache ({@link LiveOptions} with a cache directory have one).
   */
  public static long probesRun(Options options) {
    return options.capsLookup() instanceof CachedLookup c ? c.cache().probes() : 0;
  }

  /** Removes every entry (and lock or temporary file); returns how many entries were removed. */
  public static int clear(Path dir) throws IOException {
    return CacheEntries.clear(dir);
  }
}

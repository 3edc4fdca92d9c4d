// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.CapabilityCache;
import picocli.CommandLine.Option;

/** {@code --cache-dir} for the subcommands that ask this host, and the live options it gives. */
final class CacheDirOption {
  @Option(names = "--cache-dir", paramLabel = "DIR", description = "capability cache directory "
      + "(as for domcaps itself)")
  Path cacheDir;

  /** This host, behind the capability cache; libvirt's warnings are not the user's concern here. */
  Options liveOptions() {
    return LiveOptions.forThisHost(w -> { }, Optional.of(CapabilityCache.location(
        Optional.ofNullable(cacheDir))));
  }
}

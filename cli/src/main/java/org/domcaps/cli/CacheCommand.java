// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.CachedProbe;
import org.domcaps.qemu.api.CapabilityCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code domcaps cache list|clear [--cache-dir DIR]}. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = "List the capability cache (each entry's binary, keys and whether it is valid "
        + "now) or clear it.")
final class CacheCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "list or clear")
  String action;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "cache directory (default: $DOMCAPS_CACHE_DIR, /var/cache/domcaps as root, "
          + "else $XDG_CACHE_HOME/domcaps or ~/.cache/domcaps)")
  Path cacheDir;

  @Option(names = "--libvirt", paramLabel = "VERSION",
      description =
      "only the entries of that libvirt release (9.0 or 11.3; default: every release's)")
  String libvirt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path location = CapabilityCache.location(Optional.ofNullable(cacheDir));
    List<LibvirtVersion> releases;
    try {
      releases = libvirt == null ? LibvirtVersion.SUPPORTED : List.of(LibvirtOption.parse(libvirt));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      switch (action) {
        case "list" -> {
          for (LibvirtVersion v : releases) {
            list(out, CapabilityCache.entriesOf(location, v), v);
          }
        }
        case "clear" -> {
          for (LibvirtVersion v : releases) {
            Path d = CapabilityCache.entriesOf(location, v);
            out.println("removed " + CapabilityCache.clear(d) + " entries from " + d);
          }
        }
        default -> {
          err.println("error: unknown cache action '" + action + "' (expected list or clear)");
          err.flush();
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("error: cannot read capability cache " + location + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.flush();
    return 0;
  }

  private static void list(PrintWriter out, Path dir, LibvirtVersion release) throws IOException {
    out.println("cache " + dir + " (libvirt " + release + ")");
    for (CachedProbe e : CapabilityCache.list(dir, release)) {
      out.println(e.file().getFileName());
      if (e.details().isPresent()) {
        CachedProbe.Details c = e.details().get();
        out.println("  binary:          " + c.emulator());
        out.println("  arch:            " + c.arch() + ", QEMU " + c.qemuVersion()
            + (c.kvm() ? ", kvm" : ", tcg only"));
        out.println("  qemuctime:       " + c.qemuCtime());
        out.println("  qemumoddirmtime: " + c.qemuModDirMtime().map(String::valueOf).orElse("-"));
        out.println("  selfctime:       " + c.selfCtime() + ", selfvers " + c.selfVersion());
        out.println("  host CPU:        " + c.hostCpuSignature().orElse("-"));
        out.println("  microcode:       " + c.microcodeVersion());
        out.println("  kernel:          " + c.kernelVersion().orElse("-"));
        out.println("  kvm nesting/secure guest: " + c.kvmSupportsNesting() + "/"
            + c.kvmSupportsSecureGuest());
      }
      out.println("  valid now:       " + (e.valid() ? "yes" : "no, " + e.problem().get()));
    }
  }
}

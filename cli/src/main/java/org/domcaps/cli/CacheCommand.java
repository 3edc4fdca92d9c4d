// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.util.List;
import org.domcaps.model.LibvirtVersion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.cache.CacheEntries;
import org.domcaps.qemu.cache.CacheLocation;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.host.ProcessIdentity;
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
      description = "only the entries of that libvirt release (9.0 or 11.3; default: every release's)")
  String libvirt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = CacheLocation.resolve(Optional.ofNullable(cacheDir), System.getenv(),
        ProcessIdentity.privileged());
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
            list(out, LiveOptions.cacheDirOf(dir, v), v);
          }
        }
        case "clear" -> {
          for (LibvirtVersion v : releases) {
            Path d = LiveOptions.cacheDirOf(dir, v);
            out.println("removed " + CacheEntries.clear(d) + " entries from " + d);
          }
        }
        default -> {
          err.println("error: unknown cache action '" + action + "' (expected list or clear)");
          err.flush();
          return 1;
        }
      }
    } catch (IOException e) {
      err.println("error: cannot read capability cache " + dir + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.flush();
    return 0;
  }

  private static void list(PrintWriter out, Path dir, LibvirtVersion release) throws IOException {
    var host = LiveHostKey.read(LiveOptions.hostArch(), release);
    out.println("cache " + dir + " (libvirt " + release + ")");
    for (CacheEntries.Entry e : CacheEntries.list(dir, host)) {
      out.println(e.file().getFileName());
      if (e.caps().isPresent()) {
        QemuCaps c = e.caps().get();
        out.println("  binary:          " + c.emulator());
        out.println("  arch:            " + c.arch() + ", QEMU " + c.version()
            + (c.has("kvm") ? ", kvm" : ", tcg only"));
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

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.CapabilityCache;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code domcaps [--emulatorbin P] [--arch A] [--machine M] [--virttype V]}, as virsh. */
@Command(name = "domcaps", mixinStandardHelpOptions = true,
    description =
    "Print the domain capabilities of a QEMU binary, as `virsh domcapabilities` does.")
final class DomCapsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--emulatorbin", paramLabel = "PATH", description = "QEMU binary")
  String emulatorBin;

  @Option(names = "--arch", paramLabel = "ARCH", description = "guest architecture (libvirt name)")
  String arch;

  @Option(names = "--machine", paramLabel = "MACHINE", description = "machine type or alias")
  String machine;

  @Option(names = "--virttype", paramLabel = "TYPE", description = "virt type: kvm, qemu, ...")
  String virtType;

  @Mixin OutputFormatOption output;

  @Mixin LibvirtOption libvirt = new LibvirtOption();

  @Option(names = "--all", description = "answer for every installed emulator (probed in "
      + "parallel), in a <domainCapabilitiesList>")
  boolean all;

  @Option(names = "--no-cache", description = "probe even when the capability cache holds a valid "
      + "entry, and leave the cache untouched")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "capability cache directory (default: $DOMCAPS_CACHE_DIR, /var/cache/domcaps "
          + "as root, else $XDG_CACHE_HOME/domcaps or ~/.cache/domcaps)")
  Path cacheDir;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The command itself, also entered by {@link FastPath} without picocli. */
  int run(PrintWriter out, PrintWriter err) {
    Optional<Path> cache = noCache
        ? Optional.empty()
        : Optional.of(CapabilityCache.location(Optional.ofNullable(cacheDir)));
    LibvirtVersion release;
    try {
      release = libvirt.release();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    Options options = LiveOptions.forThisHost(err::println, cache, release);
    if (all) {
      if (emulatorBin != null || arch != null || virtType != null) {
        err.println("error: --all answers for every emulator; it takes no --emulatorbin, --arch "
            + "or --virttype");
        err.flush();
        return 1;
      }
      return new AllEmulators(options, machine, err, System.console() != null)
          .run(out, output.format());
    }
    DomainCapabilities caps;
    try {
      caps = DomCaps.answer(DomCapsRequest.of(emulatorBin, arch, machine, virtType), options);
    } catch (DomCapsException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.print(output.format().render(caps));
    if (output.format() == OutputFormat.XML) {
      // virsh prints the document and a newline; 9.0's virsh one more after every command.
      out.print(release.atLeast(LibvirtVersion.V11_3) ? "\n" : "\n\n");
    }
    out.flush();
    return 0;
  }
}

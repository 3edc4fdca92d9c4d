// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.hosts.cpu.VirshHypervisorCpu;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.CapabilityCache;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** virsh's hypervisor-cpu-* options naming the hypervisor, and the lookup they select. */
final class HypervisorCpuOptions {
  @Option(names = "--virttype", paramLabel = "TYPE", description =
      "virtualization type (/domain/@type)")
  String virtType;

  @Option(names = "--emulator", paramLabel = "PATH", description =
      "path to emulator binary (/domain/devices/emulator)")
  String emulator;

  @Option(names = "--arch", paramLabel = "ARCH", description =
      "CPU architecture (/domain/os/type/@arch)")
  String arch;

  @Option(names = "--machine", paramLabel = "MACHINE", description =
      "machine type (/domain/os/type/@machine)")
  String machine;

  /** Prints a command's answer as virsh does (errors first) and returns its exit status. */
  static int print(CommandSpec spec, VirshHypervisorCpu.Answer a) {
    PrintWriter err = spec.commandLine().getErr();
    err.print(a.err());
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.print(a.out());
    out.flush();
    return a.status();
  }

  /**
   * The hypervisor CPU of this host for the options, through the capability cache, as probed by
   * the release {@code libvirt}.
   */
  HypervisorCpu lookup(java.util.function.Consumer<String> warnings, LibvirtVersion libvirt)
      throws DomCapsException {
    Optional<Path> cache = Optional.of(CapabilityCache.location(Optional.empty()));
    return HypervisorCpu.lookup(DomCapsRequest.of(emulator, arch, machine, virtType),
        LiveOptions.forThisHost(warnings, cache, libvirt));
  }

  /** The release asked for, or an error line (as the main command words it) and exit status 1. */
  static LibvirtVersion release(CommandSpec spec, LibvirtOption option) {
    try {
      return option.release();
    } catch (IllegalArgumentException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return null;
    }
  }
}

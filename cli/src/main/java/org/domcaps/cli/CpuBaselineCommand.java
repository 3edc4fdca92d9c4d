// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.domcaps.hosts.cpu.VirshHypervisorCpu;
import org.domcaps.model.LibvirtVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps cpu-baseline FILE}: what {@code virsh hypervisor-cpu-baseline FILE} prints. */
@Command(name = "cpu-baseline",
    description = {
        "Compute the baseline CPU of the CPUs in FILE usable by this host's hypervisor, as `virsh"
            + " hypervisor-cpu-baseline` (libvirt 9.0, or the --libvirt release) does. FILE may"
            + " hold <cpu> elements, domain XML, host capabilities or domain capabilities (their"
            + " host-model CPU).",
        "Exit status: 0 printed, 1 refused (libvirt's message on stderr)."})
final class CpuBaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypervisorCpuOptions hypervisor;

  @Mixin LibvirtOption libvirt = new LibvirtOption();

  @Option(names = "--features", description = "Show features that are part of the CPU model type")
  boolean features;

  @Option(names = "--migratable", description = "Do not include features that block migration")
  boolean migratable;

  @Parameters(paramLabel = "FILE", description = "file containing XML CPU descriptions")
  Path file;

  @Override
  public Integer call() {
    LibvirtVersion release = HypervisorCpuOptions.release(spec, libvirt);
    if (release == null) {
      return 1;
    }
    return HypervisorCpuOptions.print(spec, new VirshHypervisorCpu(release)
        .baseline(file, () -> hypervisor.lookup(w -> { }, release), features, migratable));
  }
}

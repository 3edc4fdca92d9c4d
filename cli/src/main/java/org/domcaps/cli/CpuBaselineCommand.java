// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.hosts.cpu.CpuDef;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.CpuXmlReader;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.HypervisorCpuCommands;
import org.domcaps.qemu.api.DomCapsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps cpu-baseline FILE}: what {@code virsh hypervisor-cpu-baseline FILE} prints. */
@Command(name = "cpu-baseline",
    description = {"Compute the baseline CPU of the CPUs in FILE usable by this host's hypervisor,"
        + " as `virsh hypervisor-cpu-baseline` (libvirt 9.0) does. FILE may hold <cpu> elements,"
        + " domain XML, host capabilities or domain capabilities (their host-model CPU).",
        "Exit status: 0 printed, 1 refused (libvirt's message on stderr)."})
final class CpuBaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypervisorCpuOptions hypervisor;

  @Option(names = "--features", description = "Show features that are part of the CPU model type")
  boolean features;

  @Option(names = "--migratable", description = "Do not include features that block migration")
  boolean migratable;

  @Parameters(paramLabel = "FILE", description = "file containing XML CPU descriptions")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int rc = 0;
    try {
      List<CpuDef> cpus = new ArrayList<>();
      for (CpuXmlReader.Source s : CpuXmlReader.extract(file)) {
        cpus.add(s.parse());
      }
      HypervisorCpu hv = hypervisor.lookup(w -> { });
      out.print(new HypervisorCpuCommands().baseline(cpus, hv, features, migratable));
    } catch (CpuException | DomCapsException e) {
      err.println("error: " + e.getMessage());
      rc = 1;
    }
    // virsh ends every command with an empty line.
    err.flush();
    out.print("\n");
    out.flush();
    return rc;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.hosts.cpu.CpuException;
import org.domcaps.hosts.cpu.CpuXmlReader;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.hosts.cpu.HypervisorCpuCommands;
import org.domcaps.hosts.cpu.X86Compare;
import org.domcaps.qemu.api.DomCapsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps cpu-compare FILE}: what {@code virsh hypervisor-cpu-compare FILE} prints. */
@Command(name = "cpu-compare",
    description = {"Compare the (first) CPU in FILE with the CPU this host's hypervisor provides,"
        + " as `virsh hypervisor-cpu-compare` (libvirt 9.0) does.",
        "Exit status: 0 identical or superset, 1 incompatible or refused."})
final class CpuCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypervisorCpuOptions hypervisor;

  @Option(names = "--error", description = "report error if CPUs are incompatible")
  boolean error;

  @Option(names = "--validate", description = "validate the XML document against schema")
  boolean validate;

  @Parameters(paramLabel = "FILE", description = "file containing an XML CPU description")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int rc = 1;
    List<CpuXmlReader.Source> cpus = null;
    try {
      cpus = CpuXmlReader.extract(file);
    } catch (CpuException e) {
      err.println("error: " + e.getMessage());
    }
    if (cpus != null) {
      try {
        HypervisorCpu hv = hypervisor.lookup(w -> { });
        // libvirt reads the CPU only once it has the hypervisor's.
        X86Compare.Result r = new HypervisorCpuCommands().compare(cpus.get(0).parse(), hv, error);
        switch (r) {
          case INCOMPATIBLE -> out.println("CPU described in " + file
              + " is incompatible with the CPU provided by hypervisor on the host");
          case IDENTICAL -> {
            out.println("CPU described in " + file
                + " is identical to the CPU provided by hypervisor on the host");
            rc = 0;
          }
          case SUPERSET -> {
            out.println("The CPU provided by hypervisor on the host is a superset of CPU described in "
                + file);
            rc = 0;
          }
        }
      } catch (CpuException | DomCapsException e) {
        err.println("error: Failed to compare hypervisor CPU with " + file);
        err.println("error: " + e.getMessage());
      }
    }
    err.flush();
    out.print("\n");
    out.flush();
    return rc;
  }
}

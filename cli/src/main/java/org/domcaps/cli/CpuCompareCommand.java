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

/** {@code domcaps cpu-compare FILE}: what {@code virsh hypervisor-cpu-compare FILE} prints. */
@Command(name = "cpu-compare",
    description = {
        "Compare the (first) CPU in FILE with the CPU this host's hypervisor provides, as `virsh"
            + " hypervisor-cpu-compare` (libvirt 9.0, or the --libvirt release) does.",
        "Exit status: 0 identical or superset, 1 incompatible or refused."})
final class CpuCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HypervisorCpuOptions hypervisor;

  @Mixin LibvirtOption libvirt = new LibvirtOption();

  @Option(names = "--error", description = "report error if CPUs are incompatible")
  boolean error;

  @Option(names = "--validate", description = "validate the XML document against schema (libvirt's "
      + "cpu.rng, with libvirt's validator libxml2)")
  boolean validate;

  @Parameters(paramLabel = "FILE", description = "file containing an XML CPU description")
  Path file;

  @Override
  public Integer call() {
    LibvirtVersion release = HypervisorCpuOptions.release(spec, libvirt);
    if (release == null) {
      return 1;
    }
    return HypervisorCpuOptions.print(spec, new VirshHypervisorCpu(release)
        .compare(file, () -> hypervisor.lookup(w -> { }, release), error, validate));
  }
}

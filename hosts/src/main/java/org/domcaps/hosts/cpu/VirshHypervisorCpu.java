// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.qemu.api.DomCapsException;

/**
 * What {@code virsh hypervisor-cpu-baseline FILE} and {@code hypervisor-cpu-compare FILE}
 * (libvirt 9.0.0) print and return, step for step in virsh's and libvirt's order: virsh finds
 * the CPU elements, libvirt reads them and asks the hypervisor. Like every virsh command, the
 * answer ends with an empty line on standard output.
 */
public final class VirshHypervisorCpu {
  /** The hypervisor the options select; asked only when virsh would get that far. */
  @FunctionalInterface
  public interface Lookup {
    HypervisorCpu get() throws DomCapsException;
  }

  /** Standard output, standard error and exit status of one command. */
  public record Answer(String out, String err, int status) {}

  private final HypervisorCpuCommands commands = new HypervisorCpuCommands();

  public Answer baseline(Path file, Lookup lookup, boolean features, boolean migratable) {
    try {
      List<CpuDef> cpus = new ArrayList<>();
      for (CpuXmlReader.Source s : CpuXmlReader.extract(file)) {
        cpus.add(s.parse());
      }
      return new Answer(commands.baseline(cpus, lookup.get(), features, migratable) + "\n", "", 0);
    } catch (CpuException | DomCapsException e) {
      return new Answer("\n", "error: " + e.getMessage() + "\n", 1);
    }
  }

  public Answer compare(Path file, Lookup lookup, boolean failIncompatible) {
    List<CpuXmlReader.Source> cpus;
    try {
      cpus = CpuXmlReader.extract(file);
    } catch (CpuException e) {
      return new Answer("\n", "error: " + e.getMessage() + "\n", 1);
    }
    try {
      HypervisorCpu hv = lookup.get();
      // libvirt reads the (first) CPU only once it has the hypervisor's.
      return switch (commands.compare(cpus.get(0).parse(), hv, failIncompatible)) {
        case INCOMPATIBLE -> new Answer("CPU described in " + file
            + " is incompatible with the CPU provided by hypervisor on the host\n\n", "", 1);
        case IDENTICAL -> new Answer("CPU described in " + file
            + " is identical to the CPU provided by hypervisor on the host\n\n", "", 0);
        case SUPERSET ->
            new Answer("The CPU provided by hypervisor on the host is a superset of CPU"
            + " described in " + file + "\n\n", "", 0);
      };
    } catch (CpuException | DomCapsException e) {
      return new Answer("\n", "error: Failed to compare hypervisor CPU with " + file + "\nerror: "
          + e.getMessage() + "\n", 1);
    }
  }
}

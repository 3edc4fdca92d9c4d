// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.model.LibvirtVersion;
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

  private final HypervisorCpuCommands commands;
  private final LibvirtVersion libvirt;
  private Path cpuSchema = CpuSchema.SCHEMA;

  /** As libvirt 9.0.0's virsh. */
  public VirshHypervisorCpu() {
    this(LibvirtVersion.V9_0);
  }

  /** As the virsh of the release {@code libvirt} (its CPU map; its probe is the lookup's). */
  public VirshHypervisorCpu(LibvirtVersion libvirt) {
    this.libvirt = libvirt;
    commands = new HypervisorCpuCommands(libvirt);
  }

  /**
   * Reads libvirt's cpu.rng from {@code file} rather than where libvirt installs it (messages
   * still name that place): the schema of a release installed elsewhere.
   */
  VirshHypervisorCpu withCpuSchema(Path file) {
    cpuSchema = file;
    return this;
  }

  public Answer baseline(Path file, Lookup lookup, boolean features, boolean migratable) {
    try {
      return baseline(CpuXmlReader.text(file), file.toString(), lookup, features, migratable);
    } catch (CpuException e) {
      return refusal(e);
    }
  }

  /**
   * As {@link #baseline(Path, Lookup, boolean, boolean)} for a file's text, named {@code fileName}.
   */
  public Answer baseline(String text, String fileName, Lookup lookup, boolean features,
      boolean migratable) {
    try {
      return baseline(CpuXmlReader.extract(text, fileName), lookup, features, migratable);
    } catch (CpuException e) {
      return refusal(e);
    }
  }

  private Answer baseline(List<CpuXmlReader.Source> sources, Lookup lookup, boolean features,
      boolean migratable) {
    try {
      List<CpuDef> cpus = new ArrayList<>();
      List<Long> limits = new ArrayList<>();
      for (CpuXmlReader.Source s : sources) {
        cpus.add(s.parse());
        limits.add(s.maxPhysAddrLimit());
      }
      return new Answer(commands.baseline(cpus, limits, lookup.get(), features, migratable) + "\n",
          "", 0);
    } catch (CpuException | DomCapsException e) {
      return refusal(e);
    }
  }

  public Answer compare(Path file, Lookup lookup, boolean failIncompatible) {
    return compare(file, lookup, failIncompatible, false);
  }

  /**
   * @param validate virsh's {@code --validate}: the CPU is checked against libvirt's cpu.rng
   *     before it is read (libvirt does so once it has the hypervisor's CPU)
   */
  public Answer compare(Path file, Lookup lookup, boolean failIncompatible, boolean validate) {
    try {
      return compare(CpuXmlReader.text(file), file.toString(), lookup, failIncompatible,
          validate);
    } catch (CpuException e) {
      return refusal(e);
    }
  }

  /**
   * As {@link #compare(Path, Lookup, boolean, boolean)} for a file's text, named {@code fileName}.
   */
  public Answer compare(String text, String fileName, Lookup lookup, boolean failIncompatible,
      boolean validate) {
    try {
      return compare(CpuXmlReader.extract(text, fileName), fileName, lookup, failIncompatible,
          validate);
    } catch (CpuException e) {
      return refusal(e);
    }
  }

  private Answer compare(List<CpuXmlReader.Source> cpus, String file, Lookup lookup,
      boolean failIncompatible, boolean validate) {
    try {
      HypervisorCpu hv = lookup.get();
      // libvirt reads the (first) CPU only once it has the hypervisor's.
      CpuDef cpu = validate ? cpus.get(0).parseValidated(cpuSchema) : cpus.get(0).parse();
      return switch (commands.compare(cpu, hv, failIncompatible)) {
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

  /** virsh's refusal of a command that got no answer: the message on stderr, status 1. */
  private static Answer refusal(Exception e) {
    return new Answer("\n", "error: " + e.getMessage() + "\n", 1);
  }
}

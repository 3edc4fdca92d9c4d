// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsException;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code domcaps [--emulatorbin P] [--arch A] [--machine M] [--virttype V]}, as virsh. */
@Command(name = "domcaps", mixinStandardHelpOptions = true,
    description = "Print the domain capabilities of a QEMU binary, as `virsh domcapabilities` does.")
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DomainCapabilities caps;
    try {
      caps = DomCaps.answer(DomCapsRequest.of(emulatorBin, arch, machine, virtType),
          LiveOptions.forThisHost(err::println));
    } catch (DomCapsException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.print(output.format().render(caps));
    if (output.format() == OutputFormat.XML) {
      // virsh prints the document, a newline, and one more after every command.
      out.print("\n\n");
    }
    out.flush();
    return 0;
  }
}

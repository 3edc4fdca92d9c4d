// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command {@code domcaps}; the probe options of virsh domcapabilities come here. */
@Command(
    name = "domcaps",
    mixinStandardHelpOptions = true,
    version = "domcaps 0.1.0 (libvirt 9.0.0 domain capabilities)",
    description = "libvirt's domain capabilities for QEMU/KVM, without libvirt.",
    subcommands = {FormatCommand.class, ValidateCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    // Until the probe exists the top command only explains itself.
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The configured command line; output is UTF-8 whatever the platform encoding. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cmd;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}

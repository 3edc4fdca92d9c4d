// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** Entry point of the domcaps command: wires the subcommands, nothing else. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    DomCapsCommand fast = FastPath.parse(args);
    if (fast != null) {
      System.exit(fast.run(FastPath.writer(System.out, "sun.stdout.encoding"),
          FastPath.writer(System.err, "sun.stderr.encoding")));
    }
    System.exit(commandLine().execute(args));
  }

  /** The command tree, printing UTF-8 whatever the platform encoding. */
  public static CommandLine commandLine() {
    System.setProperty(LibvirtOption.DEFAULT_PROPERTY, LibvirtOption.describeDefault());
    CommandLine cmd =
        new CommandLine(new DomCapsCommand())
            .addSubcommand("format", new FormatCommand())
            .addSubcommand("validate", new ValidateCommand())
            .addSubcommand("conformance", new ConformanceCommand())
            .addSubcommand("probe", new ProbeCommand())
            .addSubcommand("cache", new CacheCommand())
            .addSubcommand("cpu-baseline", new CpuBaselineCommand())
            .addSubcommand("cpu-compare", new CpuCompareCommand())
            .addSubcommand("diff", new DiffCommand())
            .addSubcommand("pool", new PoolCommand())
            .addSubcommand("labels", new LabelsCommand())
            .addSubcommand("check", new CheckCommand())
            .addSubcommand("firmware", new FirmwareCommand())
            .addSubcommand("serve", new ServeCommand())
            .addSubcommand("help", new HelpCommand());
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cmd;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/** Entry point of the domcaps command: wires the subcommands, nothing else. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err)));
  }

  /**
   * Runs one command on the given standard streams and returns its exit status; a failed write of
   * the output (full disk, closed pipe) makes it 1 with {@code error: writing output: REASON}.
   */
  static int run(String[] args, OutputStream stdout, OutputStream stderr) {
    CheckedOutput checked = new CheckedOutput(stdout);
    DomCapsCommand fast = FastPath.parse(args);
    if (fast != null) {
      PrintWriter out = FastPath.writer(checked, "sun.stdout.encoding");
      PrintWriter err = FastPath.writer(stderr, "sun.stderr.encoding");
      return checked.report(out, err, fast.run(out, err));
    }
    CommandLine cmd = commandLine();
    cmd.setOut(new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    int status = cmd.execute(args);
    return checked.report(cmd.getOut(), cmd.getErr(), status);
  }

  /** The command tree, printing UTF-8 whatever the platform encoding. */
  public static CommandLine commandLine() {
    CommandLine cmd =
        new CommandLine(new DomCapsCommand())
            .addSubcommand("format", new FormatCommand())
            .addSubcommand("validate", new ValidateCommand())
            .addSubcommand("conformance", new ConformanceCommand())
            .addSubcommand("probe", new ProbeCommand())
            .addSubcommand("cache", new CacheCommand())
            .addSubcommand("help", new HelpCommand());
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cmd;
  }
}

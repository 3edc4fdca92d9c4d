// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import org.domcaps.qemu.api.ErrorText;
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
    PrintWriter out = FastPath.writer(checked, "sun.stdout.encoding");
    PrintWriter err = FastPath.writer(stderr, "sun.stderr.encoding");
    try {
      DomCapsCommand fast = FastPath.parse(args);
      if (fast != null) {
        return checked.report(out, err, fast.run(out, err));
      }
    } catch (InvalidPathException e) {
      return checked.report(out, err, unusablePath(e, err));
    }
    CommandLine cmd = commandLine();
    cmd.setOut(new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof InvalidPathException p) {
        return unusablePath(p, c.getErr());
      }
      throw e;
    });
    int status = cmd.execute(args);
    return checked.report(cmd.getOut(), cmd.getErr(), status);
  }

  /**
   * A path the JVM cannot represent in the locale's file name charset (bin/domcaps runs the JVM
   * in a UTF-8 locale; a caller starting it otherwise under LC_ALL=C gets this, not a trace).
   */
  private static int unusablePath(InvalidPathException e, PrintWriter err) {
    err.println("error: cannot use the path '" + ErrorText.excerpt(e.getInput()) + "': "
        + e.getReason() + " in the file name charset " + System.getProperty("sun.jnu.encoding")
        + " (expected a UTF-8 locale, e.g. LC_ALL=C.UTF-8)");
    err.flush();
    return 1;
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

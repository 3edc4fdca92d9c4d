// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import picocli.CommandLine;

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

  /** The command tree; subcommands live in their own classes. */
  static CommandLine commandLine() {
    return new CommandLine(new DomCapsCommand())
        .addSubcommand("conformance", new ConformanceCommand())
        .addSubcommand("cache", new CacheCommand());
  }
}

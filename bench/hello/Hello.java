// SPDX-License-Identifier: LGPL-2.1-or-later
// The warm-path yardstick of scripts/bench-commands.sh: a picocli hello-world, built into a jar
// by the script and started exactly as bin/domcaps starts domcaps (same flags, own AppCDS archive).
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hello", mixinStandardHelpOptions = true, description = "Prints a greeting.")
public final class Hello implements Callable<Integer> {
  @Option(names = "--name", description = "whom to greet")
  String name = "world";

  @Override
  public Integer call() {
    System.out.println("hello, " + name);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Hello()).execute(args));
  }
}

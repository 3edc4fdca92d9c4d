// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.hosts.diff.CapsDiff;
import org.domcaps.hosts.diff.DiffReport;
import org.domcaps.hosts.diff.Difference;
import org.domcaps.model.DomainCapabilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps diff A B [--format json]}: every difference between two documents. */
@Command(name = "diff",
    description = {"Print every difference between two domain capabilities documents (XML or"
          + " JSON), element by element, one line each, located by the jq path of the JSON form;"
          + " --format json prints a JSON array of {kind, path, a, b}.",
        "Exit status: 0 equal, 1 different, 2 a document cannot be read."})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputFormatOption output;

  @Parameters(index = "0", paramLabel = "A", description = "first document")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "second document")
  Path b;

  @Override
  public Integer call() {
    DomainCapabilities x;
    DomainCapabilities y;
    try {
      x = DocumentFile.read(a);
      y = DocumentFile.read(b);
    } catch (DocumentFile.UnreadableDocumentException e) {
      spec.commandLine().getErr().println("domcaps diff: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    List<Difference> differences = CapsDiff.of(x, y);
    PrintWriter out = spec.commandLine().getOut();
    out.print(output.format() == OutputFormat.JSON ? DiffReport.json(differences)
        : DiffReport.text(differences));
    out.flush();
    return differences.isEmpty() ? 0 : 1;
  }
}

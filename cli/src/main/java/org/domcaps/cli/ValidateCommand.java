// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code domcaps validate FILE}: silent success, like {@code xmllint --noout}, so that it composes
 * in scripts; the reason goes to stderr otherwise.
 */
@Command(
    name = "validate",
    description = {
        "Check that FILE is a libvirt 9.0.0 domain capabilities document (XML or the JSON form,"
            + " detected). Prints nothing when it is.",
        "Exit status: 0 valid, 1 invalid (FILE:LINE:COLUMN: reason on stderr), 2 usage."})
public final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The document to check.")
  private Path file;

  @Override
  public Integer call() {
    try {
      DocumentFile.read(file);
      return 0;
    } catch (DocumentFile.UnreadableDocumentException e) {
      spec.commandLine().getErr().println("domcaps validate: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}

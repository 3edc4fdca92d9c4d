// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.domcaps.model.DocumentWarning;
import org.domcaps.model.LibvirtPrints;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code domcaps validate [--strict] FILE}: silent success, like {@code xmllint --noout}, so that
 * it composes in scripts; the reason goes to stderr otherwise. Parts the model does not know (a
 * newer libvirt's elements, attributes, enum names) are kept by the readers and reported here as
 * warnings ({@code FILE:LINE:COLUMN: warning: ...}); {@code --strict} refuses them.
 */
@Command(
    name = "validate",
    description = {
        "Check that FILE is a domain capabilities document of libvirt 9.0 to 12.8 (XML or the"
            + " JSON form, detected). Prints nothing when it is; parts no known libvirt prints"
            + " are reported as warnings on stderr. With --libvirt, also check that that release"
            + " could have printed it (its devices, features, enums, values and their order).",
        "Exit status: 0 valid (warnings allowed unless --strict), 1 invalid or, with --strict,"
            + " unknown parts (FILE:LINE:COLUMN: reason on stderr), 2 usage."})
public final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--strict",
      description = "Refuse parts the model does not know instead of warning about them.")
  private boolean strict;

  @Option(names = "--libvirt", paramLabel = "VERSION",
      description = "Also refuse what libvirt VERSION (9.0, 11.3 or 12.8) could not have printed.")
  private String libvirt;

  @Parameters(paramLabel = "FILE", description = "The document to check.")
  private Path file;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LibvirtPrints release;
    try {
      release = libvirt == null ? null : PrintedRelease.parse(libvirt);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      DocumentFile.Read doc = DocumentFile.readFramed(file);
      String kind = strict ? "error" : "warning";
      for (DocumentWarning w : doc.warnings()) {
        String at = w.line() < 0 ? file.toString() : file + ":" + w.line() + ":" + w.column();
        err.println("domcaps validate: " + at + ": " + kind + ": " + w.where() + ": "
            + w.message());
      }
      List<String> unprintable = release == null ? List.of() : release.problems(doc.caps());
      for (String p : unprintable) {
        err.println("domcaps validate: " + file + ": error: libvirt " + release.version()
            + " could not have printed " + p);
      }
      err.flush();
      return (strict && !doc.warnings().isEmpty()) || !unprintable.isEmpty() ? 1 : 0;
    } catch (DocumentFile.UnreadableDocumentException e) {
      err.println("domcaps validate: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}

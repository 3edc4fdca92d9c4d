// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import org.domcaps.model.LibvirtPrints;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code domcaps format FILE [--format xml|json]}: reads a document and prints it canonically. */
@Command(
    name = "format",
    description = {
        "Read a domain capabilities document (libvirt XML or the JSON form, detected) and print"
            + " it canonically: libvirt's exact XML, or the JSON form. With --libvirt, print it as"
            + " that release would: without what it does not print, enum values in its order,"
            + " with its virsh framing.",
        "Exit status: 0 printed, 1 the document cannot be read (reason on stderr), 2 usage."})
public final class FormatCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private OutputFormatOption output;

  @Option(names = "--libvirt", paramLabel = "VERSION",
      description = "Print the document as libvirt VERSION would (9.0, 11.3 or 12.8).")
  private String libvirt;

  @Parameters(paramLabel = "FILE", description = "The document to read.")
  private Path file;

  @Override
  public Integer call() {
    DocumentFile.Read doc;
    LibvirtPrints release;
    try {
      release = libvirt == null ? null : PrintedRelease.parse(libvirt);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try {
      doc = DocumentFile.readFramed(file);
    } catch (DocumentFile.UnreadableDocumentException e) {
      spec.commandLine().getErr().println("domcaps format: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (release != null) {
      out.print(output.format().render(doc.caps(), release.version()));
      if (output.format() == OutputFormat.XML) {
        out.print("\n".repeat(release.virshExtraNewlines()));
      }
    } else {
      out.print(output.format().render(doc.caps()));
      if (output.format() == OutputFormat.XML) {
        // Keep the virsh framing the file had, so virsh's output writes back byte for byte.
        out.print("\n".repeat(doc.extraNewlines()));
      }
    }
    out.flush();
    return 0;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.hosts.pool.CapsPool;
import org.domcaps.hosts.pool.PoolException;
import org.domcaps.model.DomainCapabilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code domcaps pool A B...}: the capabilities every host of a pool offers. */
@Command(name = "pool",
    description = {"Print the capabilities a guest may rely on on every host whose domain"
          + " capabilities document is given, as one domain capabilities document: enums keep the"
          + " values all hosts list, supported='yes' only where all say yes, the least vcpu max,"
          + " custom CPU models usable only where usable everywhere, host-model the CPU baseline of"
          + " the hosts' host-models. Pooling a document with itself prints it unchanged.",
        "Exit status: 0 printed, 1 the documents cannot be pooled (different arch or virt type)"
            + " or read."})
final class PoolCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputFormatOption output;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "the hosts' documents")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<DocumentFile.Read> docs = new ArrayList<>();
    String text;
    try {
      for (Path f : files) {
        docs.add(DocumentFile.readFramed(f));
      }
      text = render(docs, output.format());
    } catch (DocumentFile.UnreadableDocumentException | PoolException e) {
      err.println("domcaps pool: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return 0;
  }

  /** What the command prints for the documents read (also the answer of POST /v1/pool). */
  static String render(List<DocumentFile.Read> reads, OutputFormat format) throws PoolException {
    List<DomainCapabilities> docs = new ArrayList<>();
    int extraNewlines = Integer.MAX_VALUE;
    for (DocumentFile.Read r : reads) {
      docs.add(r.caps());
      extraNewlines = Math.min(extraNewlines, r.extraNewlines());
    }
    DomainCapabilities pooled = new CapsPool().pool(docs);
    String text = format.render(pooled);
    if (format == OutputFormat.XML) {
      // The framing the inputs share (virsh's output has one more newline), so that pooling a
      // file with itself writes that file back byte for byte.
      text += "\n".repeat(extraNewlines);
    }
    return text;
  }
}

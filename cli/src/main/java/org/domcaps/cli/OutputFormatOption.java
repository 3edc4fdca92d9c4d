// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import org.domcaps.model.DomainCapabilities;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format xml|json} and the printing that goes with it. Any command that prints a document
 * mixes this in ({@code @Mixin OutputFormatOption output;}) and calls {@link #print}.
 */
public final class OutputFormatOption {
  @Option(
      names = "--format",
      paramLabel = "xml|json",
      defaultValue = "xml",
      converter = Converter.class,
      completionCandidates = Candidates.class,
      description = "Output form: xml (libvirt's text, the default) or json.")
  private OutputFormat format = OutputFormat.XML;

  /** The option as if given on the command line (for callers that parse without picocli). */
  static OutputFormatOption of(OutputFormat format) {
    OutputFormatOption o = new OutputFormatOption();
    o.format = format;
    return o;
  }

  public OutputFormat format() {
    return format;
  }

  /** Prints the document in the chosen form and flushes. */
  public void print(DomainCapabilities caps, PrintWriter out) {
    out.print(format.render(caps));
    out.flush();
  }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.fromOptionValue(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("xml", "json").iterator();
    }
  }
}

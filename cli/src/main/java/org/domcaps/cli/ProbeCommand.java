// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.qemu.api.EmulatorProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code domcaps probe --emulatorbin P [--record FILE] [--libvirt V]}: probes the binary over QMP
 * as libvirt 9.0.0 or 11.3.0 does and prints its capabilities in libvirt's capability-cache XML;
 * {@code --record} also
 * keeps the QMP session (both phases) in libvirt's {@code .replies} layout, so that a probe can be
 * replayed later without the binary.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Probe a QEMU binary over QMP as libvirt (9.0 or 11.3) does and print its "
        + "capabilities in that libvirt's capability-cache XML.")
final class ProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--emulatorbin", paramLabel = "PATH", required = true,
      description = "QEMU binary to probe (started as libvirt starts it)")
  Path emulatorBin;

  @Option(names = "--record", paramLabel = "FILE",
      description = "also write the QMP session to FILE in libvirt's .replies layout")
  Path record;

  @Mixin LibvirtOption libvirt = new LibvirtOption();

  // The capability cache has one form only; the option exists so scripts can say so explicitly.
  @Option(names = "--format", paramLabel = "xml", defaultValue = "xml",
      completionCandidates = XmlOnly.class,
      description = "Output form: xml (libvirt's capability-cache document; the only form).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equalsIgnoreCase("xml")) {
      err.println("error: unknown format '" + format + "' for probe (expected xml)");
      err.flush();
      return 2;
    }
    String xml;
    try {
      EmulatorProbe.Outcome probed =
          EmulatorProbe.probe(emulatorBin, record != null, libvirt.release());
      xml = probed.capabilitiesXml();
      if (record != null) {
        try {
          Files.writeString(record, probed.replies().orElseThrow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("error: cannot write the recording to " + record + ": " + e);
          err.flush();
          return 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      err.println("error: " + message(e));
      err.flush();
      return 1;
    }
    out.print(xml);
    out.flush();
    return 0;
  }

  /** The failure's own text, prefixed with the binary when it does not already name it. */
  private String message(Exception e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String bin = emulatorBin.toString();
    return text.contains(bin) ? text : "cannot probe QEMU binary " + bin + ": " + text;
  }

  static final class XmlOnly implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("xml").iterator();
    }
  }
}

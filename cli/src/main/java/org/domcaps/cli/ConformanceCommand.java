// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import org.domcaps.qemu.conformance.ConformanceSuite;
import org.domcaps.qemu.conformance.ConformanceReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code domcaps conformance DIR [--firmware-root FWDIR]}: libvirt's recorded suite. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Regenerate libvirt's recorded domain-capabilities goldens in DIR "
        + "(domaincaps/, replies/, optionally qemucaps/) and compare byte for byte.")
final class ConformanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "suite directory")
  Path dir;

  @Option(names = "--firmware-root", paramLabel = "FWDIR",
      description = "tree with usr/share/qemu/firmware, etc/qemu/firmware, "
          + "home/user/.config/qemu/firmware")
  Path firmwareRoot;

  @Option(names = "--libvirt", paramLabel = "VERSION",
      description = "libvirt release the suite is of: 9.0 or 11.3 (default: from DIR's name, "
          + "libvirt-X.Y.Z, else 9.0)")
  String libvirt;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConformanceReport report;
    try {
      report = libvirt == null
          ? ConformanceSuite.run(dir, Optional.ofNullable(firmwareRoot))
          : ConformanceSuite.run(dir, Optional.ofNullable(firmwareRoot),
              LibvirtOption.parse(libvirt));
    } catch (IOException | IllegalArgumentException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    report.lines().forEach(out::println);
    out.flush();
    return report.allIdentical() ? 0 : 1;
  }
}

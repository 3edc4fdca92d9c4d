// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.domcaps.check.DomainCheck;
import org.domcaps.check.Finding;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlException;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.qemu.api.DomCapsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code domcaps check DOMAIN.xml...}: will each definition start here? Every problem at once,
 * compiler style, before libvirt is asked.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {
        "Check guest definitions (libvirt domain XML) against this host's domain capabilities "
            + "and what the probe knows: every problem at once, as FILE:LINE:COL: error|warning: "
            + "<element>: why.",
        "Each definition is checked for its own request: <domain type> (virttype), <os><type "
            + "arch machine>, <emulator>. A warning means the capabilities do not tell.",
        "Exit status: 0 nothing refuses the definitions, 1 something does, 2 some definition "
            + "cannot be checked (unreadable XML, unknown arch, ...)."})
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DOMAIN.xml", arity = "1..*", description = "guest definitions")
  List<Path> files;

  @Option(names = "--caps", paramLabel = "FILE", description = "check against this saved domain "
      + "capabilities document (XML or JSON) instead of the live host; repeatable: the "
      + "definitions must pass on every one (a migration check)")
  List<Path> capsFiles = new ArrayList<>();

  @Option(names = "--format", paramLabel = "text|json", description = "text (the default): one "
      + "line per finding; json: one object per file")
  String format = "text";

  @Option(names = "--explain", description = "also say, for <os firmware>, which descriptor "
      + "libvirt would pick and why the others were rejected")
  boolean explain;

  @Mixin CacheDirOption cache;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      err.println("domcaps check: --format must be text or json, not '" + format + "'");
      err.flush();
      return 2;
    }
    List<Target> offline = new ArrayList<>();
    for (Path p : capsFiles) {
      try {
        DomainCapabilities caps = DocumentFile.read(p);
        offline.add(Target.offline(caps));
      } catch (DocumentFile.UnreadableDocumentException e) {
        err.println("domcaps check: --caps " + e.getMessage());
        err.flush();
        return 2;
      }
    }
    HostTargets host = offline.isEmpty() ? new HostTargets(cache.liveOptions()) : null;
    CheckReport report = new CheckReport(out, format.equals("json"));
    int status = 0;
    for (Path file : files) {
      int s = checkOne(file, offline, host, report, out);
      status = Math.max(status, s);
    }
    out.flush();
    return status;
  }

  private int checkOne(Path file, List<Target> offline, HostTargets host, CheckReport report,
      PrintWriter out) {
    return check(file, () -> new DomainXmlReader().read(file), offline, host, report, out, explain);
  }

  /** Where a definition is read from (a file, or the body of a request to the service). */
  @FunctionalInterface
  interface DefinitionSource {
    DomainDefinition read() throws DomainXmlException, IOException;
  }

  /**
   * Checks one definition, reported under {@code file}: against {@code offline} or, when {@code
   * host} is given, this host's answer for the definition's own request. The exit status of it.
   */
  static int check(Path file, DefinitionSource source, List<Target> offline, HostTargets host,
      CheckReport report, PrintWriter out, boolean explain) {
    DomainDefinition def;
    try {
      def = source.read();
    } catch (NoSuchFileException e) {
      report.unchecked(file, 0, 0, "cannot read: no such file");
      return 2;
    } catch (IOException e) {
      report.unchecked(file, 0, 0, "cannot read: " + e.getMessage());
      return 2;
    } catch (DomainXmlException e) {
      report.unchecked(file, e.line(), e.column(), e.getMessage());
      return 2;
    }
    List<Target> targets = offline;
    if (host != null) {
      try {
        targets = List.of(host.target(def));
      } catch (DomCapsException e) {
        report.unchecked(file, def.root().line(), def.root().column(),
            "cannot check the request " + HostTargets.requestOf(def) + ": " + e.getMessage());
        return 2;
      }
    }
    List<Finding> findings = DomainCheck.check(def, targets);
    report.checked(file, findings);
    if (explain) {
      for (Target t : targets) {
        FirmwareExplain.print(out, file, def, t);
      }
    }
    return DomainCheck.refused(findings) ? 1 : 0;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.domcaps.check.FirmwareCandidate;
import org.domcaps.check.FirmwareSelection;
import org.domcaps.check.Target;
import org.domcaps.domain.DomainDefinition;

/** {@code --explain}: libvirt's firmware auto-selection for one definition, step by step. */
final class FirmwareExplain {
  private FirmwareExplain() {}

  static void print(PrintWriter out, Path file, DomainDefinition def, Target t) {
    Optional<String> fw = def.os().firmware();
    if (fw.isEmpty()) {
      out.println(file + ": firmware: no <os firmware>: nothing is auto-selected");
      return;
    }
    Optional<List<FirmwareCandidate>> all = t.facts().firmware();
    if (all.isEmpty()) {
      out.println(file + ": firmware: descriptors not known for " + t.describe()
          + " (offline): cannot explain");
      return;
    }
    String arch = t.caps().arch();
    String machine = t.caps().machine().orElse(def.os().machine().orElse(""));
    var verdicts = FirmwareSelection.explain(def, arch, machine, all.get());
    Optional<FirmwareCandidate> pick = FirmwareSelection.pick(verdicts);
    out.println(file + ": firmware '" + fw.get() + "' for " + t.describe() + ": "
        + pick.map(c -> "libvirt picks " + c.source() + " (" + c.image() + ")")
            .orElse("no descriptor matches"));
    for (FirmwareSelection.Verdict v : verdicts) {
      out.println("  " + v.candidate().source() + ": " + v.rejection().map(r -> "rejected: " + r)
          .orElse(pick.get() == v.candidate() ? "picked" : "matches (an earlier one wins)"));
    }
  }
}

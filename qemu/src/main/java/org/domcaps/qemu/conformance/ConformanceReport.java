// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a recorded-suite run: one entry per golden, in file-name order.
 *
 * @param results every golden's verdict
 */
public record ConformanceReport(List<Result> results) {
  public ConformanceReport {
    results = List.copyOf(results);
  }

  /**
   * One golden.
   *
   * @param golden the golden's file name
   * @param identical whether our document equals the golden byte for byte
   * @param identicalOutsideCpu whether they are equal once both {@code <cpu>} blocks are removed
   * @param difference the first differing line (or the error that stopped this golden), empty
   *     when identical
   */
  public record Result(
      String golden, boolean identical, boolean identicalOutsideCpu, Optional<String> difference) {}

  public long identicalCount() {
    return results.stream().filter(Result::identical).count();
  }

  public long identicalOutsideCpuCount() {
    return results.stream().filter(Result::identicalOutsideCpu).count();
  }

  /** True when there was at least one golden and every one matched. */
  public boolean allIdentical() {
    return !results.isEmpty() && identicalCount() == results.size();
  }

  /**
   * The printed report: a line per differing golden with its first difference, a line counting
   * matches outside {@code <cpu>}, and last {@code N/M byte-identical}.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Result r : results) {
      if (!r.identical()) {
        out.add("DIFFERS " + r.golden() + (r.identicalOutsideCpu() ? " (inside <cpu> only)" : "")
            + ": " + r.difference().orElse(""));
      }
    }
    int m = results.size();
    out.add(identicalOutsideCpuCount() + "/" + m + " identical outside <cpu>");
    out.add(identicalCount() + "/" + m + " byte-identical");
    return out;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.diff;

import java.util.List;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Optional;

/** The printed forms of a list of differences: one line each, or a JSON array. */
public final class DiffReport {
  private DiffReport() {}

  /** One {@link Difference#text()} line per difference; nothing when there is none. */
  public static String text(List<Difference> differences) {
    StringBuilder sb = new StringBuilder();
    for (Difference d : differences) {
      sb.append(d.text()).append('\n');
    }
    return sb.toString();
  }

  /**
   * A JSON array, one object per difference: {@code kind} ("value" or "member"), {@code path},
   * {@code a}, {@code b} (null: not reported / not a member on that side). Layout as {@code jq .}.
   */
  public static String json(List<Difference> differences) {
    if (differences.isEmpty()) {
      return "[]\n";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < differences.size(); i++) {
      Difference d = differences.get(i);
      sb.append("  {\n");
      sb.append("    \"kind\": ").append(string(d.kind().name().toLowerCase(java.util.Locale.ROOT)))
          .append(",\n");
      sb.append("    \"path\": ").append(string(d.path())).append(",\n");
      sb.append("    \"a\": ").append(nullable(d.a())).append(",\n");
      sb.append("    \"b\": ").append(nullable(d.b())).append('\n');
      sb.append(i + 1 < differences.size() ? "  },\n" : "  }\n");
    }
    return sb.append("]\n").toString();
  }

  private static String nullable(Optional<String> v) {
    return v.map(DiffReport::string).orElse("null");
  }

  /** A JSON string literal (Jackson's escaping, as every JSON text of the project). */
  public static String string(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}

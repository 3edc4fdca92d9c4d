// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.check.DomainCheck;
import org.domcaps.check.Finding;

/**
 * Prints check results: compiler style ({@code FILE:LINE:COL: error: <element>: message
 * [rule]}), or one JSON object per file (file, verdict, findings).
 */
final class CheckReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;
  private final boolean json;

  CheckReport(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void checked(Path file, List<Finding> findings) {
    if (!json) {
      for (Finding f : findings) {
        out.println(file + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + ": "
            + f.element() + ": " + f.message() + " [" + f.rule() + "]");
      }
      return;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("file", file.toString());
    o.put("verdict", DomainCheck.refused(findings) ? "refused" : "runs");
    ArrayNode list = o.putArray("findings");
    for (Finding f : findings) {
      ObjectNode n = list.addObject();
      n.put("severity", f.severity().label());
      n.put("rule", f.rule());
      n.put("path", f.path());
      n.put("line", f.line());
      n.put("column", f.column());
      n.put("element", f.element());
      n.put("value", f.value());
      ArrayNode allowed = n.putArray("allowed");
      f.allowed().forEach(allowed::add);
      n.put("message", f.message());
    }
    print(o);
  }

  /** The last definition that could not be checked, as {@code FILE:LINE:COL: message}. */
  String lastUnchecked;

  void unchecked(Path file, int line, int column, String message) {
    lastUnchecked = file + ":" + line + ":" + column + ": " + message;
    if (!json) {
      out.println(file + ":" + line + ":" + column + ": error: " + message + " [unreadable]");
      return;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("file", file.toString());
    o.put("verdict", "unchecked");
    o.put("line", line);
    o.put("column", column);
    o.put("error", message);
    o.putArray("findings");
    print(o);
  }

  private void print(ObjectNode o) {
    try {
      out.println(JSON.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }
}

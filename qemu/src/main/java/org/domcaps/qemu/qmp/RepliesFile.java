// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * libvirt's {@code .replies} layout (tests/qemucapabilitiesdata): JSON values pretty-printed the
 * way yajl beautifies them (two-space indent), separated by one empty line, alternating command
 * and reply, ending with a newline. The QMP greeting is not recorded.
 */
public final class RepliesFile {
  private RepliesFile() {}

  /** Reads a recording from a file. */
  public static List<QmpExchange> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses recording text. Entries are cut at {@code "\n\n"}; each must be a JSON object; a
   * command without a reply is an error naming its line.
   */
  public static List<QmpExchange> parse(String text, String source) throws QmpProtocolException {
    List<JsonNode> values = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf("\n\n", start);
      String part = end < 0 ? text.substring(start) : text.substring(start, end);
      if (end >= 0 || !part.isBlank()) {
        if (part.isBlank()) {
          throw new QmpProtocolException(source + ":" + line
              + ": expected a JSON object but was an empty entry");
        }
        JsonNode v;
        try {
          v = QmpJson.parse(part);
        } catch (QmpProtocolException e) {
          throw new QmpProtocolException(source + ":" + line + ": " + e.getMessage());
        }
        if (!v.isObject()) {
          throw new QmpProtocolException(
              source + ":" + line + ": expected a JSON object but was "
              + QmpJson.abbreviate(part.strip()));
        }
        values.add(v);
        lines.add(line);
      }
      if (end < 0) {
        break;
      }
      line += countNewlines(part) + 2;
      start = end + 2;
    }
    if (values.size() % 2 != 0) {
      throw new QmpProtocolException(
          source + ":" + lines.get(lines.size() - 1) + ": missing response for command "
              + QmpJson.abbreviate(QmpJson.compact(values.get(values.size() - 1))));
    }
    List<QmpExchange> out = new ArrayList<>(values.size() / 2);
    for (int i = 0; i < values.size(); i += 2) {
      JsonNode cmd = values.get(i);
      if (!cmd.has("execute")) {
        throw new QmpProtocolException(
            source + ":" + lines.get(i) + ": expected a command object with 'execute' but was "
                + QmpJson.abbreviate(QmpJson.compact(cmd)));
      }
      out.add(new QmpExchange(cmd, values.get(i + 1), lines.get(i)));
    }
    return List.copyOf(out);
  }

  /** Formats exchanges in the exact {@code .replies} layout. */
  public static String format(List<QmpExchange> exchanges) {
    StringBuilder sb = new StringBuilder();
    for (QmpExchange x : exchanges) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      pretty(sb, x.command(), 0);
      sb.append("\n\n");
      pretty(sb, x.reply(), 0);
    }
    if (sb.length() > 0) {
      sb.append('\n');
    }
    return sb.toString();
  }

  /** yajl's "beautify" layout of one value (no trailing newline). */
  public static String pretty(JsonNode v) {
    StringBuilder sb = new StringBuilder();
    pretty(sb, v, 0);
    return sb.toString();
  }

  private static void pretty(StringBuilder sb, JsonNode v, int depth) {
    if (v.isObject()) {
      sb.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        indent(sb, depth + 1);
        quote(sb, e.getKey());
        sb.append(": ");
        pretty(sb, e.getValue(), depth + 1);
        sb.append(it.hasNext() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append('}');
    } else if (v.isArray()) {
      sb.append("[\n");
      for (int i = 0; i < v.size(); i++) {
        indent(sb, depth + 1);
        pretty(sb, v.get(i), depth + 1);
        sb.append(i + 1 < v.size() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append(']');
    } else if (v.isTextual()) {
      quote(sb, v.textValue());
    } else {
      sb.append(QmpJson.compact(v));
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static int countNewlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}

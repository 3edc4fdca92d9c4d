// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.domcaps.qemu.qmp.QmpProtocolException;

/**
 * The {@code query-qmp-schema} answer and libvirt's path queries on it (qemu_qapi.c
 * virQEMUQAPISchemaPathGet): {@code blockdev-add/arg-type/+file/aio/^io_uring} and the like.
 * Evaluation returns 1 (found), 0 (not found) or a negative value for a malformed schema or
 * query; only 1 sets a flag.
 */
final class QapiSchema {
  private static final int MAX_DEPTH = 1000;

  private final Map<String, JsonNode> entries = new HashMap<>();

  QapiSchema(JsonNode ret) throws QmpProtocolException {
    for (JsonNode e : QmpValues.array(ret, "query-qmp-schema")) {
      JsonNode name = e.get("name");
      if (name != null && name.isTextual()) {
        entries.put(name.textValue(), e);
      }
    }
  }

  /** Whether {@code query} resolves in the schema. */
  boolean exists(String query) {
    String[] elems = query.split("/", -1);
    if (!entries.containsKey(elems[0])) {
      return false;
    }
    Cursor c = new Cursor(elems, 1);
    return traverse(elems[0], c) == 1;
  }

  private static final class Cursor {
    final String[] q;
    int pos;
    int depth;

    Cursor(String[] q, int pos) {
      this.q = q;
      this.pos = pos;
    }

    boolean done() {
      return pos >= q.length;
    }

    String next() {
      return q[pos++];
    }
  }

  private int traverse(String base, Cursor c) {
    if (++c.depth > MAX_DEPTH + 1) {
      return -2;
    }
    JsonNode cur = base == null ? null : entries.get(base);
    if (cur == null) {
      return -2;
    }
    if (c.done()) {
      return 1;
    }
    String metaType = textOrNull(cur.get("meta-type"));
    if (metaType == null) {
      return 0;
    }
    switch (metaType) {
      case "object":
        return traverseObject(cur, c);
      case "array":
        return cur.has("element-type") ? traverse(textOrNull(cur.get("element-type")), c) : -2;
      case "command":
      case "event":
        return traverseCommand(cur, c);
      case "enum":
        return traverseEnum(cur, c);
      case "builtin":
        return traverseBuiltin(cur, c);
      case "alternate":
        return traverseAlternate(cur, c);
      default:
        return 0;
    }
  }

  private int traverseObject(JsonNode cur, Cursor c) {
    String q = c.next();
    char mod = q.isEmpty() ? '\0' : q.charAt(0);
    if (!q.isEmpty() && !Character.isLetter(mod)) {
      q = q.substring(1);
    }
    if (mod == '^' || mod == '!') {
      return 0;
    }
    if (mod == '$') {
      return c.done() ? hasFeature(q, cur) : -3;
    }
    JsonNode obj = null;
    if (mod == '+') {
      obj = findByKey(cur.get("variants"), "case", q);
    } else {
      obj = findByKey(cur.get("members"), "name", q);
      if (mod == '*' && (obj == null || !obj.has("default"))) {
        return 0;
      }
    }
    if (obj == null) {
      return 0;
    }
    return traverse(textOrNull(obj.get("type")), c);
  }

  private int traverseCommand(JsonNode cur, Cursor c) {
    String q = c.next();
    char mod = q.isEmpty() ? '\0' : q.charAt(0);
    if (!q.isEmpty() && !Character.isLetter(mod)) {
      q = q.substring(1);
    }
    if (mod == '^' || mod == '!' || mod == '+' || mod == '*') {
      return 0;
    }
    if (mod == '$') {
      return c.done() ? hasFeature(q, cur) : -3;
    }
    JsonNode t = cur.get(q);
    if (t == null || !t.isTextual()) {
      return 0;
    }
    return traverse(t.textValue(), c);
  }

  private int traverseEnum(JsonNode cur, Cursor c) {
    String q = c.next();
    if (!q.startsWith("^")) {
      return 0;
    }
    String feature = null;
    if (!c.done()) {
      String f = c.next();
      if (!f.startsWith("$") || !c.done()) {
        return -3;
      }
      feature = f.substring(1);
    }
    String value = q.substring(1);
    JsonNode members = cur.get("members");
    if (members != null) {
      for (JsonNode m : members) {
        if (value.equals(textOrNull(m.get("name")))) {
          return feature != null ? hasFeature(feature, m) : 1;
        }
      }
      return 0;
    }
    if (feature != null) {
      return 0;
    }
    JsonNode values = cur.get("values");
    if (values == null) {
      return -2;
    }
    for (JsonNode v : values) {
      if (value.equals(v.asText())) {
        return 1;
      }
    }
    return 0;
  }

  private int traverseBuiltin(JsonNode cur, Cursor c) {
    String q = c.next();
    if (!q.startsWith("!")) {
      return 0;
    }
    if (!c.done()) {
      return -3;
    }
    return q.substring(1).equals(textOrNull(cur.get("json-type"))) ? 1 : 0;
  }

  private int traverseAlternate(JsonNode cur, Cursor c) {
    int pos = c.pos;
    int depth = c.depth;
    JsonNode members = cur.get("members");
    if (members == null) {
      return 0;
    }
    for (JsonNode m : members) {
      c.pos = pos;
      c.depth = depth;
      int rc = traverse(textOrNull(m.get("type")), c);
      if (rc != 0) {
        return rc;
      }
    }
    return 0;
  }

  private static int hasFeature(String name, JsonNode elem) {
    JsonNode feats = elem.get("features");
    if (feats == null || !feats.isArray()) {
      return 0;
    }
    for (JsonNode f : feats) {
      if (!f.isTextual()) {
        return -2;
      }
      if (f.textValue().equals(name)) {
        return 1;
      }
    }
    return 0;
  }

  private static JsonNode findByKey(JsonNode list, String key, String value) {
    if (list == null) {
      return null;
    }
    for (JsonNode e : list) {
      if (value.equals(textOrNull(e.get(key)))) {
        return e;
      }
    }
    return null;
  }

  private static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }
}

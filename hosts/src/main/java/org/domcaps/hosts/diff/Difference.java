// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between two documents A and B, located by the jq path of the document's JSON
 * form (README "JSON form"), so that a difference can be looked up with {@code jq} directly.
 *
 * <p>A {@link Kind#MEMBER} difference is a value of a list (enum value, loader path, CPU model,
 * host-model feature) that one side has and the other lacks: exactly one of {@code a} and {@code
 * b} is present. A {@link Kind#VALUE} difference is a single value that differs; an empty side
 * means "not reported".
 */
public record Difference(Kind kind, String path, Optional<String> a, Optional<String> b) {
  public enum Kind {
    VALUE,
    MEMBER
  }

  public Difference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (kind == Kind.MEMBER && a.isPresent() == b.isPresent()) {
      throw new IllegalArgumentException("a member difference is on exactly one side: " + path);
    }
  }

  static Difference value(String path, String a, String b) {
    return new Difference(Kind.VALUE, path, Optional.ofNullable(a), Optional.ofNullable(b));
  }

  static Difference onlyInA(String path, String member) {
    return new Difference(Kind.MEMBER, path, Optional.of(member), Optional.empty());
  }

  static Difference onlyInB(String path, String member) {
    return new Difference(Kind.MEMBER, path, Optional.empty(), Optional.of(member));
  }

  /** One line: {@code PATH: "v" only in A} or {@code PATH: X in A, Y in B}. */
  public String text() {
    if (kind == Kind.MEMBER) {
      return path + ": " + quote(a.orElseGet(b::get))
          + (a.isPresent() ? " only in A" : " only in B");
    }
    return path + ": " + a.map(Difference::quote).orElse("not reported") + " in A, "
        + b.map(Difference::quote).orElse("not reported") + " in B";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}

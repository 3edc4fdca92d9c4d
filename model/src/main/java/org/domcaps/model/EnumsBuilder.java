// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enum-reporting part of the builders of elements that hold {@code <enum>}s
 * ({@link Capability.Builder}, {@link Loader.Builder}): enums in first-use order, each enum's
 * values in insertion order without duplicates, as libvirt's bit sets print them.
 *
 * @param <B> the concrete builder, returned for chaining
 */
public abstract class EnumsBuilder<B extends EnumsBuilder<B>> {
  private final Map<String, List<String>> enums = new LinkedHashMap<>();

  // Only this package's builders extend it, each as EnumsBuilder<itself>.
  EnumsBuilder() {}

  /** Reports the enum even if no value is ever added ({@code <enum name='x'/>}). */
  public final B enumName(String name) {
    enums.computeIfAbsent(name, n -> new ArrayList<>());
    return self();
  }

  public final B value(String enumName, String value) {
    List<String> values = enums.computeIfAbsent(enumName, n -> new ArrayList<>());
    if (!values.contains(value)) {
      values.add(value);
    }
    return self();
  }

  /** Reports the enum with these values (none: an empty enum). */
  public final B values(String enumName, String... values) {
    enumName(enumName);
    for (String v : values) {
      value(enumName, v);
    }
    return self();
  }

  /** The enums reported so far. */
  final List<CapsEnum> enums() {
    List<CapsEnum> out = new ArrayList<>();
    enums.forEach((n, v) -> out.add(new CapsEnum(n, v)));
    return out;
  }

  @SuppressWarnings("unchecked") // B is the subclass itself, see the constructor
  private B self() {
    return (B) this;
  }
}

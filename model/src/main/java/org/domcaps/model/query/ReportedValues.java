// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values a document reports for one enum, typed: {@link #known()} in the document's order,
 * {@link #unrecognised()} the values this library has no constant for yet (see {@link
 * LibvirtName}). {@link #reported()} is false when the document does not report the enum at all,
 * which differs from an empty list (reported, no value).
 *
 * @param <E> the vocabulary
 */
public record ReportedValues<E extends Enum<E> & LibvirtName>(
    boolean reported, List<E> known, List<String> unrecognised) {
  public ReportedValues {
    known = List.copyOf(known);
    unrecognised = List.copyOf(unrecognised);
  }

  /** Types {@code values} (empty when {@code reported} is false) against {@code type}. */
  static <E extends Enum<E> & LibvirtName> ReportedValues<E> of(
      Class<E> type, Optional<List<String>> values) {
    List<E> known = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String v : values.orElse(List.of())) {
      Optional<E> e = LibvirtName.parse(type, v);
      if (e.isPresent()) {
        known.add(e.get());
      } else {
        other.add(v);
      }
    }
    return new ReportedValues<>(values.isPresent(), known, other);
  }

  /** YES when reported and listed, NO when reported and not listed, else NOT_REPORTED. */
  public Answer contains(E value) {
    return reported ? Answer.of(known.contains(value)) : Answer.NOT_REPORTED;
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;

/**
 * A document read, and what in it the model does not know (kept in {@link
 * DomainCapabilities#unknown()} or, for enum names, among the enums), each with line:column (XML)
 * or jq path (JSON).
 */
public record ReadResult(DomainCapabilities caps, List<DocumentWarning> warnings) {
  public ReadResult {
    Objects.requireNonNull(caps, "caps");
    warnings = List.copyOf(warnings);
  }
}

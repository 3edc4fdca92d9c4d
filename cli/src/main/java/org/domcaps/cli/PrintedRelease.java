// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.util.stream.Collectors;
import org.domcaps.model.LibvirtPrints;
import org.domcaps.model.LibvirtVersion;

/**
 * The {@code --libvirt VERSION} of {@code format} and {@code validate}: a release whose printing
 * table the model has ({@link LibvirtPrints#TABLES}), which for documents includes releases the
 * answers do not follow (12.8).
 */
final class PrintedRelease {
  private PrintedRelease() {}

  /** @throws IllegalArgumentException naming the value and the releases with a table */
  static LibvirtPrints parse(String text) {
    LibvirtVersion v;
    try {
      v = LibvirtVersion.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--libvirt '" + text + "': " + e.getMessage());
    }
    for (LibvirtPrints t : LibvirtPrints.TABLES) {
      LibvirtVersion s = t.version();
      if (s.major() == v.major() && s.minor() == v.minor()
          && (v.micro() == 0 || v.micro() == s.micro())) {
        return t;
      }
    }
    throw new IllegalArgumentException("--libvirt '" + text + "': no table of what that release"
        + " prints; expected one of " + LibvirtPrints.TABLES.stream()
            .map(t -> t.version().major() + "." + t.version().minor())
            .collect(Collectors.joining(", ")));
  }
}

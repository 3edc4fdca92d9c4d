// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import java.util.List;

/**
 * One problem found in a definition.
 *
 * @param severity error (refused) or warning (cannot tell)
 * @param rule the rule's name ({@code video-model})
 * @param path the element's path ({@code /domain/devices/video/model})
 * @param line 1-based line of the element's start tag
 * @param column 1-based column of the element's start tag
 * @param element the start tag as written, short ({@code <model type='qxl'>})
 * @param value the value judged ({@code qxl}), empty when the element as a whole is
 * @param allowed what the host allows instead, empty when nothing is listed
 * @param message why, naming the libvirt or QEMU behaviour
 */
public record Finding(Severity severity, String rule, String path, int line, int column,
    String element, String value, List<String> allowed, String message) {
  public Finding {
    allowed = List.copyOf(allowed);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}

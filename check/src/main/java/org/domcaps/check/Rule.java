// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import org.domcaps.domain.DomainDefinition;

/**
 * One concern of libvirt's (or QEMU's) acceptance of a definition. Each implementation's javadoc
 * names the libvirt 9.0 / QEMU behaviour it predicts.
 */
public interface Rule {
  /** Short stable name, printed with each finding ({@code video-model}). */
  String name();

  void check(DomainDefinition def, Target target, Findings out);
}

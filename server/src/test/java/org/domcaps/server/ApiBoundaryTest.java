// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.server;

import org.domcaps.qemu.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

/** The server module's compiled classes use only packages exported to it (api/exports.txt). */
class ApiBoundaryTest {
  @Test
  void keepsTheModuleBoundary() {
    ApiBoundary.assertConsumerKeepsTheBoundary("server");
  }
}

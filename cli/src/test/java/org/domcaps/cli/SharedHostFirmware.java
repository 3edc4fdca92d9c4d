// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import org.domcaps.qemu.testing.HostFirmwareLock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes whose live checks read the host's firmware descriptors, which tests of other
 * checkouts on this machine may edit meanwhile (/etc/qemu/firmware): holds the shared side of
 * their lock for the class.
 */
final class SharedHostFirmware implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SharedHostFirmware.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).put("lock", HostFirmwareLock.shared());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    HostFirmwareLock lock = context.getStore(NS).remove("lock", HostFirmwareLock.class);
    if (lock != null) {
      lock.close();
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.pool;

/** Documents that cannot be pooled (different arch or virt type, none given). */
public final class PoolException extends Exception {
  private static final long serialVersionUID = 1L;

  public PoolException(String message) {
    super(message);
  }
}

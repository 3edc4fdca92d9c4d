// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.cpu;

/**
 * libvirt's refusal of a baseline or compare, with the message text libvirt 9.0.0 reports (what
 * virsh prints after {@code error: }).
 */
public final class CpuException extends Exception {
  private static final long serialVersionUID = 1L;

  public CpuException(String message) {
    super(message);
  }
}

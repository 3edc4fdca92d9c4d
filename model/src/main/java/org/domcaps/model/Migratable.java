// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

/**
 * A value of the {@code hostPassthroughMigratable} / {@code maximumMigratable} enums
 * (virTristateSwitch), in the order libvirt prints them. {@link MigratableMode} stores libvirt's
 * spelling, so a document may still carry a value without a constant here.
 */
public enum Migratable {
  ON("on"),
  OFF("off");

  private final String xmlValue;

  Migratable(String xmlValue) {
    this.xmlValue = xmlValue;
  }

  /** libvirt's spelling, {@code on} or {@code off}. */
  public String xmlValue() {
    return xmlValue;
  }
}

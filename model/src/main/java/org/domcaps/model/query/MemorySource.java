// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <memoryBacking><source type=…>}: {@code memoryBacking/sourceType}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum MemorySource implements LibvirtName {
  FILE("file"),
  ANONYMOUS("anonymous"),
  MEMFD("memfd");

  private final String libvirtName;

  MemorySource(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

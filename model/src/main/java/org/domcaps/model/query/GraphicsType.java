// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

/**
 * {@code <graphics type=…>}: {@code devices/graphics/type}.
 * Values libvirt adds later: see {@link LibvirtName}.
 */
public enum GraphicsType implements LibvirtName {
  SDL("sdl"),
  VNC("vnc"),
  RDP("rdp"),
  DESKTOP("desktop"),
  SPICE("spice"),
  EGL_HEADLESS("egl-headless"),
  DBUS("dbus");

  private final String libvirtName;

  GraphicsType(String libvirtName) {
    this.libvirtName = libvirtName;
  }

  @Override
  public String libvirtName() {
    return libvirtName;
  }
}

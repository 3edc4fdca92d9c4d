// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libvirt 9.0.0's QEMU capability-cache format ({@code CACHEDIR/capabilities/<sha256>.xml},
 * qemu_capabilities.c virQEMUCapsFormatCache / virQEMUCapsLoadCache).
 */
public final class QemuCapsXml {
  private QemuCapsXml() {}

  /** The cache document exactly as libvirt writes it (flags in libvirt's flag-index order). */
  public static String write(QemuCaps caps) {
    return QemuCapsXmlWriter.write(caps);
  }

  /** Reads a cache document; errors name the line and column. */
  public static QemuCaps read(String xml) throws QemuCapsFormatException {
    return QemuCapsXmlReader.read(xml, "<string>");
  }

  public static QemuCaps read(Path file) throws IOException {
    return QemuCapsXmlReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }
}

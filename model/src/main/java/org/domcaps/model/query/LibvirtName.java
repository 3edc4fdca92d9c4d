// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.query;

import java.util.Optional;

/**
 * A typed name for one value of a closed libvirt vocabulary (a disk bus, a video model, …): an
 * enum constant that knows how libvirt spells it.
 *
 * <p><b>Values libvirt adds later.</b> Each vocabulary lists the values libvirt 9.0 and 11.3 can
 * print. A newer libvirt may print a value that has no constant yet; such a value is never an
 * error and never dropped: {@link ReportedValues#unrecognised()} keeps it verbatim (so a caller
 * can still find it by libvirt's spelling), while the typed questions answer only for
 * constants. A later release of this library adds the constant; callers switching over a
 * vocabulary should keep a default branch.
 */
public interface LibvirtName {
  /** libvirt's spelling, e.g. {@code virtio} or {@code tpm-crb}. */
  String libvirtName();

  /** The constant of {@code type} libvirt spells {@code name}, if this version knows it. */
  static <E extends Enum<E> & LibvirtName> Optional<E> parse(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.libvirtName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}

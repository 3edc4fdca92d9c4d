// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;

/**
 * A libvirt release, as {@code major.minor.micro}. The versions domcaps answers as are listed in
 * {@link #SUPPORTED}; any other value still orders and compares, so that a document or a host can
 * name a release domcaps does not know yet. Immutable and thread-safe.
 */
public final class LibvirtVersion implements Comparable<LibvirtVersion> {
  /** libvirt 9.0.0 (Debian 12): the first reference. */
  public static final LibvirtVersion V9_0 = new LibvirtVersion(9, 0, 0);

  /** libvirt 11.3.0 (Debian 13, bookworm-backports): the second reference. */
  public static final LibvirtVersion V11_3 = new LibvirtVersion(11, 3, 0);

  /** The releases domcaps answers as, oldest first. */
  public static final List<LibvirtVersion> SUPPORTED = List.of(V9_0, V11_3);

  private final int major;
  private final int minor;
  private final int micro;

  private LibvirtVersion(int major, int minor, int micro) {
    if (major < 0 || minor < 0 || micro < 0) {
      throw new IllegalArgumentException(
          "libvirt version parts must not be negative: " + major + "." + minor + "." + micro);
    }
    this.major = major;
    this.minor = minor;
    this.micro = micro;
  }

  public static LibvirtVersion of(int major, int minor, int micro) {
    return new LibvirtVersion(major, minor, micro);
  }

  /**
   * Reads {@code "11.3"}, {@code "11.3.0"} or libvirt's packed form {@code "11003000"}
   * (major × 1 000 000 + minor × 1 000 + micro, as {@code virConnectGetLibVersion} gives it).
   *
   * @throws IllegalArgumentException naming the input when it is none of these
   */
  public static LibvirtVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    try {
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() > 4) {
        long packed = Long.parseLong(t);
        return of((int) (packed / 1_000_000), (int) (packed / 1_000 % 1_000),
            (int) (packed % 1_000));
      }
      String[] parts = t.split("\\.", -1);
      if (parts.length >= 2 && parts.length <= 3) {
        int micro = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        return of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), micro);
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "invalid libvirt version \"" + text + "\": expected MAJOR.MINOR[.MICRO], e.g. 11.3");
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  public int micro() {
    return micro;
  }

  /** True when this release is {@code other} or newer. */
  public boolean atLeast(LibvirtVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(LibvirtVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(micro, o.micro);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LibvirtVersion v && v.major == major && v.minor == minor
        && v.micro == micro;
  }

  @Override
  public int hashCode() {
    return (major * 1_000 + minor) * 1_000 + micro;
  }

  /** {@code "11.3.0"}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + micro;
  }
}

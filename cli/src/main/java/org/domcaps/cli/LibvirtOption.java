// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import java.util.stream.Collectors;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.api.ThisHost;
import picocli.CommandLine.Option;

/**
 * {@code --libvirt VERSION}: the libvirt release to answer as. Without it, the installed libvirt's
 * release when domcaps supports it, else the newest supported one ({@code --help} names it).
 */
final class LibvirtOption {
  /** System property the help text reads the default from (set by {@link Main}). */
  static final String DEFAULT_PROPERTY = "domcaps.libvirtDefault";

  @Option(names = "--libvirt", paramLabel = "VERSION",
      description = "libvirt release to answer as: 9.0 or 11.3 (default: the installed libvirt's "
          + "release when supported, else the newest; on this host ${" + DEFAULT_PROPERTY + "})")
  String value;

  static LibvirtOption of(String value) {
    LibvirtOption o = new LibvirtOption();
    o.value = value;
    return o;
  }

  /**
   * The release asked for, or this host's default.
   *
   * @throws IllegalArgumentException naming the value and the supported releases
   */
  LibvirtVersion release() {
    return value == null ? ThisHost.defaultLibvirtRelease() : parse(value);
  }

  static LibvirtVersion parse(String text) {
    LibvirtVersion v = LibvirtVersion.parse(text);
    for (LibvirtVersion s : LibvirtVersion.SUPPORTED) {
      if (s.major() == v.major() && s.minor() == v.minor()
          && (v.micro() == 0 || v.micro() == s.micro())) {
        return s;
      }
    }
    throw new IllegalArgumentException("libvirt " + text + " is not supported: expected one of "
        + LibvirtVersion.SUPPORTED.stream().map(s -> s.major() + "." + s.minor())
            .collect(Collectors.joining(", ")));
  }

  /** The default as the help text states it. */
  static String describeDefault() {
    return ThisHost.defaultLibvirtRelease().toString();
  }
}

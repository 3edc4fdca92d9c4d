// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request a libvirt domain-capabilities golden stands for, read from its file name
 * (tests/domaincapstest.c): {@code qemu_V[-tcg][-MACHINE].ARCH.xml} = QEMU version V, virt type
 * qemu with {@code -tcg} else kvm, the machine argument when given, and ARCH.
 *
 * @param version the QEMU version string of the recording ({@code 7.2.0})
 * @param arch the libvirt arch
 * @param virtType kvm or qemu
 * @param machine the machine argument (an alias such as {@code q35}), empty for the default
 */
public record GoldenName(String version, String arch, String virtType, Optional<String> machine) {
  private static final Pattern NAME =
      Pattern.compile("qemu_([0-9][^-]*?)(-tcg)?(?:-(.+))?\\.([^.]+)\\.xml");

  /** Parses a golden's file name; empty when the name does not follow libvirt's pattern. */
  public static Optional<GoldenName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new GoldenName(m.group(1), m.group(4), m.group(2) != null ? "qemu" : "kvm",
        Optional.ofNullable(m.group(3))));
  }

  /** The recording libvirt made the golden from: {@code caps_V.ARCH.replies}. */
  public String repliesName() {
    return "caps_" + version + "." + arch + ".replies";
  }

  /** libvirt's cache file derived from that recording: {@code caps_V.ARCH.xml}. */
  public String qemuCapsName() {
    return "caps_" + version + "." + arch + ".xml";
  }
}

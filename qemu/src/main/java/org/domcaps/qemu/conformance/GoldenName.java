// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.conformance;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.model.LibvirtVersion;

/**
 * The request a libvirt domain-capabilities golden stands for, read from its file name
 * (tests/domaincapstest.c): {@code qemu_V[-tcg|-hvf][-MACHINE].ARCH[+VARIANT].xml} = QEMU version
 * V, virt type qemu with {@code -tcg}, hvf with {@code -hvf}, else kvm, the machine argument when
 * given, ARCH, and (libvirt 11.3's names) the recording's variant such as {@code +amdsev}.
 *
 * @param version the QEMU version string of the recording ({@code 7.2.0})
 * @param arch the libvirt arch
 * @param virtType kvm, qemu or hvf
 * @param machine the machine argument (an alias such as {@code q35}), empty for the default
 * @param variant the recording variant with its {@code +}, empty when none
 */
public record GoldenName(String version, String arch, String virtType, Optional<String> machine,
    String variant) {
  private static final Pattern NAME = Pattern.compile(
      "qemu_([0-9][^-]*?)(-tcg|-hvf)?(?:-(.+))?\\.([^.+]+)(\\+[A-Za-z0-9]+)?\\.xml");

  public GoldenName(String version, String arch, String virtType, Optional<String> machine) {
    this(version, arch, virtType, machine, "");
  }

  /** Parses a golden's file name; empty when the name does not follow libvirt's pattern. */
  public static Optional<GoldenName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    String type = m.group(2) == null ? "kvm" : m.group(2).equals("-tcg") ? "qemu" : "hvf";
    return Optional.of(new GoldenName(m.group(1), m.group(4), type,
        Optional.ofNullable(m.group(3)), m.group(5) == null ? "" : m.group(5)));
  }

  /** The recording libvirt 9.0 made the golden from: {@code caps_V.ARCH.replies}. */
  public String repliesName() {
    return "caps_" + version + "." + arch + ".replies";
  }

  /** libvirt 9.0's cache file derived from that recording: {@code caps_V.ARCH.xml}. */
  public String qemuCapsName() {
    return "caps_" + version + "." + arch + ".xml";
  }

  /**
   * The names of a release's recording and cache file ({@code caps_V_ARCH+VARIANT} from 11.3 on).
   */
  public String repliesName(LibvirtVersion libvirt) {
    return libvirt.atLeast(LibvirtVersion.V11_3) ? baseName11() + ".replies" : repliesName();
  }

  public String qemuCapsName(LibvirtVersion libvirt) {
    return libvirt.atLeast(LibvirtVersion.V11_3) ? baseName11() + ".xml" : qemuCapsName();
  }

  private String baseName11() {
    return "caps_" + version + "_" + arch + variant;
  }
}

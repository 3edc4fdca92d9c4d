// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code virsh domcapabilities} is asked: each part may be absent, as with virsh's options.
 * Values are taken verbatim (libvirt's names are case-sensitive). Immutable and thread-safe; two
 * requests are equal when every part is (an absent part equals only an absent one), so requests
 * can key maps and caches.
 */
public final class DomCapsRequest {
  private final String emulatorBin;
  private final String arch;
  private final String machine;
  private final String virtType;

  private DomCapsRequest(String emulatorBin, String arch, String machine, String virtType) {
    this.emulatorBin = emulatorBin;
    this.arch = arch;
    this.machine = machine;
    this.virtType = virtType;
  }

  /** A request with nothing given: libvirt's defaults for everything. */
  public static DomCapsRequest defaults() {
    return new DomCapsRequest(null, null, null, null);
  }

  /** A request from possibly-null parts, as a command line delivers them. */
  public static DomCapsRequest of(String emulatorBin, String arch, String machine,
      String virtType) {
    return new DomCapsRequest(emulatorBin, arch, machine, virtType);
  }

  public DomCapsRequest withEmulatorBin(String v) {
    return new DomCapsRequest(v, arch, machine, virtType);
  }

  public DomCapsRequest withArch(String v) {
    return new DomCapsRequest(emulatorBin, v, machine, virtType);
  }

  public DomCapsRequest withMachine(String v) {
    return new DomCapsRequest(emulatorBin, arch, v, virtType);
  }

  public DomCapsRequest withVirtType(String v) {
    return new DomCapsRequest(emulatorBin, arch, machine, v);
  }

  public Optional<String> emulatorBin() {
    return Optional.ofNullable(emulatorBin);
  }

  public Optional<String> arch() {
    return Optional.ofNullable(arch);
  }

  public Optional<String> machine() {
    return Optional.ofNullable(machine);
  }

  public Optional<String> virtType() {
    return Optional.ofNullable(virtType);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomCapsRequest r && Objects.equals(emulatorBin, r.emulatorBin)
        && Objects.equals(arch, r.arch) && Objects.equals(machine, r.machine)
        && Objects.equals(virtType, r.virtType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(emulatorBin, arch, machine, virtType);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    append(s, "--virttype", virtType);
    append(s, "--emulatorbin", emulatorBin);
    append(s, "--arch", arch);
    append(s, "--machine", machine);
    return s.length() == 0 ? "(defaults)" : s.toString();
  }

  private static void append(StringBuilder s, String opt, String v) {
    if (v != null) {
      s.append(s.length() == 0 ? "" : " ").append(opt).append(' ').append(v);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.cache.CapsSnapshot;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsFormatException;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzers found, reduced by hand to small inputs of our own (the fuzzers' own inputs
 * were mutations of ../shared documents, which stay out of the repository).
 */
class FuzzFindingsTest {
  /** QemuCapsXmlFuzzTest: a CPU model blocker before {@code <arch>} was a NullPointerException. */
  @Test
  void cacheEntryWithBlockerBeforeArchIsRefused() {
    String entry = "<qemuCaps>\n"
        + "  <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
        + "  <cpu type='tcg' name='host' typename='host-x86_64-cpu' usable='no'>\n"
        + "    <blocker name='kvm'/>\n"
        + "  </cpu>\n"
        + "  <arch>x86_64</arch>\n"
        + "</qemuCaps>\n";
    assertThatThrownBy(() -> QemuCapsXml.read(entry))
        .isInstanceOf(QemuCapsFormatException.class)
        .hasMessageContaining("before <arch>: expected <arch> first");
  }

  /** QemuCapsXmlFuzzTest: a machine type without a name was an IllegalArgumentException. */
  @Test
  void cacheEntryWithNamelessMachineIsRefused() {
    String entry = "<qemuCaps>\n"
        + "  <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
        + "  <arch>x86_64</arch>\n"
        + "  <machine type='tcg' name='' maxCpus='255'/>\n"
        + "</qemuCaps>\n";
    assertThatThrownBy(() -> QemuCapsXml.read(entry))
        .isInstanceOf(QemuCapsFormatException.class)
        .hasMessageContaining("invalid content: machine type needs a name");
  }

  /**
   * CapsSnapshotFuzzTest: a snapshot naming a libvirt release with no flag table (here 0.0.0)
   * decoded, and writing its cache document then threw IllegalArgumentException. It must read as
   * no snapshot, so that the entry's XML is read instead.
   */
  @Test
  void snapshotOfAnUnsupportedReleaseIsNoSnapshot() throws Exception {
    QemuCaps caps = QemuCaps.builder().libvirt(LibvirtVersion.V9_0)
        .emulator("/usr/bin/qemu-system-x86_64").arch("x86_64").build();
    assertThat(CapsSnapshot.decode(CapsSnapshot.encode(caps, "state"), "state")).isPresent();
    QemuCaps unknown = caps.toBuilder().libvirt(LibvirtVersion.of(0, 0, 0)).build();
    assertThat(CapsSnapshot.decode(CapsSnapshot.encode(unknown, "state"), "state")).isEmpty();
  }
}

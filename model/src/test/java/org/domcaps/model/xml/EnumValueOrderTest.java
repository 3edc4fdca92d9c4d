// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtPrints;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: each release's table holds the values of every enum in its printing order
 * (libvirt's C enum order). A document says whether a release could have printed its values, and
 * written as a release its values come out in that release's order, without those it lacks.
 */
class EnumValueOrderTest {
  private static final LibvirtVersion NEWEST = LibvirtVersion.of(12, 8, 0);

  private static String q35() throws Exception {
    return Files.readString(SharedData.root()
        .resolve("oracle/libvirt-9.0.0/qemu-7.2/x86_64/q35.xml"),
        StandardCharsets.UTF_8).stripTrailing() + "\n";
  }

  @Test
  void valuesOutOfTheReleasesOrderAreNamedAndWrittenBackInOrder() throws Exception {
    String original = q35();
    String swapped = original.replace(
        "        <value>fdc</value>\n        <value>scsi</value>\n",
        "        <value>scsi</value>\n        <value>fdc</value>\n");
    assertThat(swapped).isNotEqualTo(original);
    DomainCapabilities caps = DomainCapabilitiesXml.parse(swapped);

    assertThat(DomainCapabilitiesXml.couldHavePrinted(caps)).isEmpty();
    assertThat(LibvirtPrints.V9_0.problems(caps)).containsExactly(
        "disk/enum[@name='bus']: 'fdc' after 'scsi' (libvirt 9.0.0 prints [fdc, scsi, virtio,"
            + " usb, sata])");
    // As read, the document keeps its own order; as 9.0 it is what libvirt 9.0 printed.
    assertThat(DomainCapabilitiesXml.format(caps)).isEqualTo(swapped);
    assertThat(DomainCapabilitiesXml.format(caps, LibvirtVersion.V9_0)).isEqualTo(original);
  }

  @Test
  void aValueAReleaseHasNoConstantForIsOneItCannotPrint() throws Exception {
    String original = q35();
    // 'mtp' came after 9.0 (virDomainFSDriver gained it by 11.3), last in the C enum.
    String withMtp = original.replace("        <value>virtiofs</value>\n",
        "        <value>virtiofs</value>\n        <value>mtp</value>\n");
    DomainCapabilities caps = DomainCapabilitiesXml.parse(withMtp);

    assertThat(LibvirtPrints.V9_0.problems(caps))
        .containsExactly("filesystem/enum[@name='driverType']/value 'mtp'");
    assertThat(LibvirtPrints.V11_3.problems(caps)).doesNotContain(
        "filesystem/enum[@name='driverType']/value 'mtp'");
    assertThat(DomainCapabilitiesXml.format(caps, LibvirtVersion.V9_0)).isEqualTo(original);
    assertThat(caps.devices().filesystem().values("driverType"))
        .containsExactly("path", "handle", "virtiofs", "mtp");
  }

  @Test
  void theNewestExampleListsADiskBusThat113CannotPrint() throws Exception {
    DomainCapabilities q35 = DomainCapabilitiesXml.parse(
        SharedData.root().resolve("newest/domaincaps/qemu_11.1.0-q35.x86_64.xml"));
    assertThat(q35.devices().disk().values("bus")).contains("nvme");
    assertThat(LibvirtPrints.V11_3.problems(q35)).contains("disk/enum[@name='bus']/value 'nvme'");
    assertThat(LibvirtPrints.newest().problems(q35)).isEmpty();

    DomainCapabilities as113 = DomainCapabilitiesXml.parse(
        DomainCapabilitiesXml.format(q35, LibvirtVersion.V11_3));
    assertThat(as113.devices().disk().values("bus")).doesNotContain("nvme")
        .containsExactlyElementsOf(q35.devices().disk().values("bus").stream()
            .filter(v -> !v.equals("nvme")).toList());
    assertThat(DomainCapabilitiesXml.couldHavePrinted(as113)).contains(LibvirtVersion.V11_3);
  }

  @Test
  void theNewestTableKeepsAValueItDoesNotListAfterItsPredecessor() throws Exception {
    String original = q35();
    String future = original.replace("        <value>virtio</value>\n        <value>usb</value>\n",
        "        <value>virtio</value>\n        <value>cxl</value>\n        <value>usb</value>\n");
    DomainCapabilities caps = DomainCapabilitiesXml.parse(future);
    LibvirtPrints newest = LibvirtPrints.newest();

    assertThat(newest.valuesComplete()).isFalse();
    assertThat(newest.problems(caps)).isEmpty();
    assertThat(DomainCapabilitiesXml.couldHavePrinted(caps)).containsExactly(NEWEST);
    CapsEnum bus = caps.devices().disk().findEnum("bus").orElseThrow();
    assertThat(newest.printable("disk", bus)).containsExactly("fdc", "scsi", "virtio", "cxl",
        "usb", "sata");
    assertThat(LibvirtPrints.V9_0.printable("disk", bus)).containsExactly("fdc", "scsi",
        "virtio", "usb", "sata");
    CapsEnum shuffled = CapsEnum.of("bus", "usb", "cxl", "fdc");
    assertThat(newest.printable("disk", shuffled)).containsExactly("fdc", "usb", "cxl");
  }

  @Test
  void everyReleaseListsTheValuesOfEachEnumItPrints() {
    for (LibvirtPrints t : LibvirtPrints.TABLES) {
      for (String element : new String[] {"disk", "video", "graphics", "hostdev", "tpm", "rng",
          "filesystem", "redirdev", "channel", "loader", "os", "memoryBacking", "gic", "hyperv"}) {
        for (String name : t.enums(element)) {
          if (element.equals("hostdev") && name.equals("iommufd") && !t.version().equals(NEWEST)) {
            continue;
          }
          assertThat(t.values(element, name)).as(t + " " + element + "/" + name).isPresent();
        }
      }
    }
    assertThat(LibvirtPrints.V11_3.values("crypto", "backendModel")).contains(
        java.util.List.of("builtin", "lkcf"));
    assertThat(LibvirtPrints.V9_0.values("crypto", "model")).isEmpty();
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.domcaps.model.CpuModel;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Supported;
import org.domcaps.model.Usable;
import org.junit.jupiter.api.Test;

/**
 * Documents in the style of libvirt's format page (formatdomaincaps.rst), which differs from what
 * libvirt prints: {@code <iothread>}, {@code deprecated='no'}, a sev without {@code supported}
 * written with {@code reduced-phys-bits}. They read, and write back the way libvirt prints.
 */
class FormatPageExamplesTest {
  private static String resource(String name) throws Exception {
    try (InputStream in = FormatPageExamplesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void guestExampleReads() throws Exception {
    String page = resource("format-page-guest.xml");
    DomainCapabilities caps = DomainCapabilitiesXml.parse(page);
    assertThat(caps.iothreads()).isEqualTo(Supported.YES);
    assertThat(caps.machine()).contains("pc-i440fx-2.1");
    assertThat(caps.os().firmware().orElseThrow().values()).containsExactly("bios", "efi");
    assertThat(caps.os().loader().values()).containsExactly("/usr/share/OVMF/OVMF_CODE.fd");
    assertThat(caps.cpu().orElseThrow().hostModel().orElseThrow().features()).hasSize(2);
    assertThat(caps.cpu().orElseThrow().custom()).containsExactly(
        new CpuModel("Broadwell", Usable.NO, false, "Intel"),
        new CpuModel("Broadwell-noTSX", Usable.YES, false, "Intel"),
        new CpuModel("Haswell", Usable.NO, true, "Intel"),
        new CpuModel("EPYC-Milan", Usable.NO, false, "AMD"));
    assertThat(caps.memoryBacking().values("sourceType")).containsExactly(
        "anonymous", "file", "memfd");

    String written = DomainCapabilitiesXml.format(caps);
    // libvirt's spelling, and deprecated only when yes.
    assertThat(written).contains("  <iothreads supported='yes'/>\n")
        .doesNotContain("<iothread ")
        .doesNotContain("deprecated='no'")
        .contains("<model usable='no' deprecated='yes' vendor='Intel'>Haswell</model>");
    String normalised = page.replace("<iothread ", "<iothreads ").replace(" deprecated='no'", "");
    assertThat(written).isEqualTo(normalised.replace("  </memoryBacking>\n",
        "  </memoryBacking>\n  <devices>\n  </devices>\n"));
  }

  @Test
  void devicesAndFeaturesExampleReads() throws Exception {
    DomainCapabilities caps = DomainCapabilitiesXml.parse(resource("format-page-devices.xml"));
    assertThat(caps.iothreads()).isEqualTo(Supported.ABSENT);
    assertThat(caps.cpu()).isEmpty();
    assertThat(caps.devices().disk().values("bus")).containsExactly("ide", "fdc", "scsi", "virtio");
    assertThat(caps.devices().hostdev().supported()).isEqualTo(Supported.NO);
    assertThat(caps.devices().video().supported()).isEqualTo(Supported.ABSENT);
    assertThat(caps.devices().tpm().values("backendVersion")).containsExactly("1.2", "2.0");
    assertThat(caps.features().s390Pv()).isEqualTo(Supported.ABSENT);
    assertThat(caps.features().sev().supported()).isEqualTo(Supported.YES);
    assertThat(caps.features().sev().cbitpos()).isEqualTo(OptionalInt.of(47));
    assertThat(caps.features().sev().reducedPhysBits()).isEqualTo(OptionalInt.of(1));
    assertThat(caps.features().sev().maxGuests()).isEmpty();
    assertThat(caps.features().sgx().sections()).hasSize(2);
    assertThat(caps.features().hyperv().values("features")).isEqualTo(List.of("relaxed", "vapic"));

    String written = DomainCapabilitiesXml.format(caps);
    assertThat(written).contains("    <sev supported='yes'>\n"
        + "      <cbitpos>47</cbitpos>\n"
        + "      <reducedPhysBits>1</reducedPhysBits>\n"
        + "    </sev>\n");
    assertThat(DomainCapabilitiesXml.parse(written)).isEqualTo(caps);
  }
}

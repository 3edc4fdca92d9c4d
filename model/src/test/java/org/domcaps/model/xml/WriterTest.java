// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Capability;
import org.domcaps.model.Cpu;
import org.domcaps.model.Devices;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Features;
import org.domcaps.model.Sev;
import org.domcaps.model.Supported;
import org.junit.jupiter.api.Test;

/** The writer prints what virDomainCapsFormat prints for the same facts. */
class WriterTest {
  private static DomainCapabilities.Builder base() {
    return DomainCapabilities.builder().path("/usr/bin/qemu-system-x86_64").domain("qemu")
        .arch("x86_64");
  }

  @Test
  void fullDocumentMatchesTheHandCheckedText() throws Exception {
    String expected;
    try (InputStream in = getClass().getResourceAsStream("full.xml")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(DomainCapabilitiesXml.format(SampleDocuments.full())).isEqualTo(expected);
  }

  @Test
  void absentIsOmittedAndNoIsPrinted() {
    String xml = DomainCapabilitiesXml.format(base()
        .devices(Devices.builder().disk(Capability.unsupported()).build())
        .features(Features.builder().genid(Supported.NO).build())
        .build());
    assertThat(xml).isEqualTo("<domainCapabilities>\n"
        + "  <path>/usr/bin/qemu-system-x86_64</path>\n"
        + "  <domain>qemu</domain>\n"
        + "  <arch>x86_64</arch>\n"
        + "  <devices>\n"
        + "    <disk supported='no'/>\n"
        + "  </devices>\n"
        + "  <features>\n"
        + "    <genid supported='no'/>\n"
        + "  </features>\n"
        + "</domainCapabilities>\n");
  }

  @Test
  void enumsComeOutInLibvirtsOrderWhateverTheInsertionOrder() {
    Capability tpm = Capability.supported(CapsEnum.of("backendVersion", "2.0"),
        CapsEnum.of("model"), CapsEnum.of("backendModel", "emulator"));
    String xml = DomainCapabilitiesXml.format(base()
        .devices(Devices.builder().tpm(tpm).build()).build());
    assertThat(xml).contains("    <tpm supported='yes'>\n"
        + "      <enum name='model'/>\n"
        + "      <enum name='backendModel'>\n"
        + "        <value>emulator</value>\n"
        + "      </enum>\n"
        + "      <enum name='backendVersion'>\n"
        + "        <value>2.0</value>\n"
        + "      </enum>\n"
        + "    </tpm>\n");
  }

  @Test
  void escapesAsVirBufferEscapeString() {
    String xml = DomainCapabilitiesXml.format(
        base().path("/opt/a<b>&'\"\u0001\u0019\u001a\t/qemu").build());
    assertThat(xml).contains("<path>/opt/a&lt;b&gt;&amp;&apos;&quot;\u001a\t/qemu</path>\n");
  }

  @Test
  void cpuModesAreAlwaysPrinted() {
    String xml = DomainCapabilitiesXml.format(base().cpu(Cpu.builder().build()).build());
    assertThat(xml).contains("  <cpu>\n"
        + "    <mode name='host-passthrough' supported='no'/>\n"
        + "    <mode name='maximum' supported='no'/>\n"
        + "    <mode name='host-model' supported='no'/>\n"
        + "    <mode name='custom' supported='no'/>\n"
        + "  </cpu>\n");
  }

  @Test
  void sevPrintsCpu0IdLast() {
    Sev sev = Sev.supported(51, 1, 509, 0).withCpu0Id("AbC+/=");
    String xml = DomainCapabilitiesXml.format(
        base().features(Features.builder().sev(sev).build()).build());
    assertThat(xml).contains("      <maxESGuests>0</maxESGuests>\n"
        + "      <cpu0Id>AbC+/=</cpu0Id>\n"
        + "    </sev>\n");
  }

  @Test
  void unsignedSgxSizesPrintUnsigned() throws Exception {
    String xml = DomainCapabilitiesXml.format(base().features(Features.builder()
        .sgx(org.domcaps.model.Sgx.supported(false, true, true, -1L, java.util.List.of()))
        .build()).build());
    assertThat(xml).contains("<section_size unit='KiB'>18446744073709551615</section_size>");
    assertThat(DomainCapabilitiesXml.parse(xml).features().sgx().sectionSizeKiB()).isEqualTo(-1L);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad documents are refused with line:column, the element path and the offending input. (Unknown
 * elements, attributes and enum names are kept, not refused: see UnknownContentTest.)
 */
class ReaderErrorTest {
  private static final String HEAD = "<domainCapabilities>\n"
      + "  <path>/usr/bin/qemu-system-x86_64</path>\n"
      + "  <domain>kvm</domain>\n"
      + "  <arch>x86_64</arch>\n";

  private static final String CPU_MODES_BUT_CUSTOM = "  <cpu>\n"
      + "    <mode name='host-passthrough' supported='no'/>\n"
      + "    <mode name='maximum' supported='no'/>\n"
      + "    <mode name='host-model' supported='no'/>\n";

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      <vcpu max='lots'/> | <5:21> /domainCapabilities/vcpu@max: expected an integer but was "lots"
      <vcpu max='0'/> | <5:18> /domainCapabilities/vcpu@max: expected a positive integer but was "0"
      <vcpu max='99999999999'/> | <5:28> /domainCapabilities/vcpu@max: expected an integer of at most 2147483647 but was "99999999999"
      <iothreads supported='maybe'/> | <5:33> /domainCapabilities/iothreads@supported: expected 'yes' or 'no' but was "maybe"
      <iothreads/> | <5:15> /domainCapabilities/iothreads@supported: missing attribute
      <arch>ppc64</arch> | <5:9> /domainCapabilities/arch: element appears twice
      <machine></machine> | <5:22> /domainCapabilities/machine: expected text but the element is empty
      <machine>pc<b/></machine> | <5:18> /domainCapabilities/machine/b: unexpected element inside text-only <machine>
      <devices><rng supported='yes'><enum name='model'><value>virtio</value><value>virtio</value></enum></rng></devices> | <5:94> /domainCapabilities/devices/rng/enum: enum "model" repeats value "virtio"
      <features><sev supported='yes'><cbitpos>-1</cbitpos></sev></features> | <5:55> /domainCapabilities/features/sev/cbitpos: expected an integer but was "-1"
      <features><sgx supported='yes'><flc>maybe</flc></sgx></features> | <5:50> /domainCapabilities/features/sgx/flc: expected 'yes' or 'no' but was "maybe"
      <features><sgx supported='yes'><flc>no</flc></sgx></features> | <5:53> /domainCapabilities/features/sgx: <sgx supported='yes'> lacks <sgx1>
      <devices><video supported='no'/><disk supported='no'/></devices> | <5:57> /domainCapabilities/devices/disk: device "disk" must come before "video" (libvirt's order: disk, graphics, video, hostdev, rng, filesystem, tpm, redirdev, channel, crypto, interface, panic, console)
      <features><backup supported='no'/><backup supported='no'/></features> | <5:61> /domainCapabilities/features/backup: feature "backup" appears twice
      hello | <6:1> /domainCapabilities: unexpected text "\\n  hello\\n"
      <?php evil?> | <5:15> /domainCapabilities: processing instruction <?php ...?> is not allowed
      """)
  void refusesWithAPreciseMessage(String element, String message) {
    String doc = HEAD + "  " + element + "\n</domainCapabilities>\n";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(doc))
        .isInstanceOf(DomainCapabilitiesParseException.class)
        .hasMessage(message.replace("\\n", "\n").replace("\"\n  hello\n\"", "\"\\n  hello\\n\""));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      <mode name='custom' supported='maybe'/> | <9:44> /domainCapabilities/cpu/mode@supported: expected 'yes' or 'no' but was "maybe"
      <mode name='custom' supported='yes'></mode> | <9:48> /domainCapabilities/cpu/mode: custom mode with supported='yes' lists no <model>
      <mode name='custom' supported='yes'><model usable='perhaps'>qemu64</model></mode> | <9:65> /domainCapabilities/cpu/mode/model@usable: expected 'yes', 'no' or 'unknown' but was "perhaps"
      <mode name='maximum' supported='no'/> | <9:42> /domainCapabilities/cpu/mode@name: CPU mode "maximum" appears twice
      """)
  void refusesBadCpuModes(String mode, String message) {
    String doc = HEAD + CPU_MODES_BUT_CUSTOM + "    " + mode
        + "\n  </cpu>\n</domainCapabilities>\n";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(doc)).hasMessage(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      <domainCapabilities><path>/x</path><domain>kvm</domain></domainCapabilities> | <1:77> /domainCapabilities: missing <arch>
      <capabilities/> | <1:16> /capabilities: expected <domainCapabilities> as the root element
      <x:domainCapabilities xmlns:x='urn:x'/> | <1:40> /domainCapabilities: unexpected namespace "urn:x" (libvirt uses none)
      <domainCapabilities><path>/x</path> | <1:36> /domainCapabilities: not well-formed XML: XML document structures must start and end within the same entity.
      <domainCapabilities><path>/x</path><domain>kvm</domain><arch>x</arch><cpu><mode name='host-passthrough' supported='no'/></cpu></domainCapabilities> | <1:127> /domainCapabilities/cpu: missing <mode name='maximum'> (libvirt prints all four modes)
      <domainCapabilities><path>/x</path><domain>kvm</domain><arch>x</arch><cpu><mode name='host-passthrough' supported='no'/><mode name='maximum' supported='no'/><mode name='host-model' supported='yes'></mode></cpu></domainCapabilities> | <1:205> /domainCapabilities/cpu/mode: host-model with supported='yes' lacks its <model>
      <domainCapabilities><path>/x</path><domain>kvm</domain><arch>x</arch><features><sev/></features></domainCapabilities> | <1:86> /domainCapabilities/features/sev@supported: missing attribute
      """)
  void refusesBadDocuments(String doc, String message) {
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(doc)).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void onlyXmlWhitespaceMaySitBetweenElements() {
    String emSpace = HEAD + "\u2003</domainCapabilities>";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(emSpace))
        .hasMessage("<5:4> /domainCapabilities: unexpected text \"\\n\u2003\"");
    String trailing = HEAD + "</domainCapabilities>\n<?pi after?>\n";
    assertThatThrownBy(() -> DomainCapabilitiesXml.parse(trailing))
        .hasMessage("<6:13> /: processing instruction <?pi ...?> is not allowed");
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainXmlReaderTest {
  private static final String GUEST = """
      <domain type='kvm'>
        <name>g</name>
        <vcpu current='1'>4</vcpu>
        <os firmware='efi'>
          <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          <firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>
          <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
        </os>
        <cpu mode='custom' check='partial'><model>qemu64</model><feature policy='require' name='vmx'/></cpu>
        <features><acpi/><smm state='on'/></features>
        <devices>
          <emulator>/usr/bin/qemu-system-x86_64</emulator>
          <video><model type='qxl'/></video>
          <unknown-device foo='bar'/>
        </devices>
        <metadata><x:any xmlns:x='urn:x'>kept</x:any></metadata>
      </domain>
      """;

  @Test
  void typedViewsReadWhatCapabilitiesGovern() throws Exception {
    DomainDefinition d = new DomainXmlReader().read(GUEST);
    assertThat(d.type()).contains("kvm");
    assertThat(d.os().arch()).contains("x86_64");
    assertThat(d.os().machine()).contains("pc-q35-7.2");
    assertThat(d.os().firmware()).contains("efi");
    assertThat(d.os().firmwareFeatures()).containsExactly(
        java.util.Map.entry("secure-boot", true), java.util.Map.entry("enrolled-keys", false));
    assertThat(d.os().loader().get().text()).isEqualTo("/usr/share/OVMF/OVMF_CODE_4M.fd");
    assertThat(d.vcpu().get().max()).isEqualTo(4);
    assertThat(d.vcpu().get().current()).isEqualTo(1);
    assertThat(d.cpu().get().mode()).isEqualTo("custom");
    assertThat(d.cpu().get().modelName()).contains("qemu64");
    assertThat(d.cpu().get().check()).isEqualTo("partial");
    assertThat(d.feature("smm").get().attr("state")).contains("on");
    assertThat(d.emulator().get().text()).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(d.devices()).extracting(Element::name).containsExactly("video", "unknown-device");
  }

  @Test
  void everyElementKeepsTheLineAndColumnOfItsStartTag() throws Exception {
    DomainDefinition d = new DomainXmlReader().read(GUEST);
    Element model = d.devices("video").get(0).child("model").get();
    assertThat(model.line()).isEqualTo(13);
    assertThat(model.column()).isEqualTo(12);
    assertThat(model.path()).isEqualTo("/domain/devices/video/model");
    assertThat(model.tag()).isEqualTo("<model type='qxl'>");
    assertThat(d.root().line()).isEqualTo(1);
    assertThat(d.root().column()).isEqualTo(1);
  }

  @Test
  void whatIsNotInterpretedIsKept() throws Exception {
    DomainDefinition d = new DomainXmlReader().read(GUEST);
    Element unknown = d.devices("unknown-device").get(0);
    assertThat(unknown.attr("foo")).contains("bar");
    assertThat(d.root().at("metadata", "x:any").get().text()).isEqualTo("kept");
  }

  @Test
  void notADomainIsRefusedWithWhatWasExpected() {
    assertThatThrownBy(() -> new DomainXmlReader().read("<domainCapabilities/>"))
        .isInstanceOf(DomainXmlException.class)
        .hasMessage("root element is <domainCapabilities>, expected <domain>");
  }

  @Test
  void malformedXmlSaysWhereAndWhat() {
    assertThatThrownBy(() -> new DomainXmlReader().read("<domain>\n  <name>x</nme>\n</domain>"))
        .isInstanceOf(DomainXmlException.class)
        .hasMessageStartingWith("not well-formed XML: ")
        .satisfies(e -> assertThat(((DomainXmlException) e).line()).isEqualTo(2));
  }
}

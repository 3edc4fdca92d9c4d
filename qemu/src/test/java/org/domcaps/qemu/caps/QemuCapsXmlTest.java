// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QemuCapsXmlTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.domcaps.qemu.testing.ConformanceFiles#qemuCaps")
  void readThenWriteIsByteIdentical(Path file) throws IOException {
    String text = Files.readString(file);
    assertThat(QemuCapsXml.write(QemuCapsXml.read(file))).isEqualTo(text);
  }

  @Test
  void flagTableHasLibvirtsFlagsInIndexOrder() {
    assertThat(QemuCapsFlags.names()).hasSize(442);
    assertThat(QemuCapsFlags.names().get(0)).isEqualTo("vnc-colon");
    assertThat(QemuCapsFlags.indexOf("kvm")).isEqualTo(12);
    assertThat(QemuCapsFlags.names().get(441)).isEqualTo("netdev.stream");
  }

  private static final String HOST_FACTS =
      "<qemuCaps>\n"
          + "  <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
          + "  <qemuctime>1700000000</qemuctime>\n"
          + "  <qemumoddirmtime>1700000001</qemumoddirmtime>\n"
          + "  <selfctime>1700000002</selfctime>\n"
          + "  <selfvers>9000000</selfvers>\n"
          + "  <flag name='kvm'/>\n"
          + "  <flag name='sgx-epc'/>\n"
          + "  <version>7002000</version>\n"
          + "  <kvmVersion>0</kvmVersion>\n"
          + "  <microcodeVersion>167776878</microcodeVersion>\n"
          + "  <hostCPUSignature>AuthenticAMD, AMD EPYC &amp; co, family: 23, model: 49, "
              + "stepping: 0</hostCPUSignature>\n"
          + "  <package>Debian 1:7.2+dfsg-7</package>\n"
          + "  <kernelVersion>6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 "
              + "(2023-09-29)</kernelVersion>\n"
          + "  <cpudata arch='x86'>\n"
          + "    <cpuid eax_in='0x00000000' ecx_in='0x00' eax='0x00000010' ebx='0x68747541' "
              + "ecx='0x444d4163' edx='0x69746e65'/>\n"
          + "  </cpudata>\n"
          + "  <arch>x86_64</arch>\n"
          + "  <hostCPU type='kvm' model='base' migratability='yes'>\n"
          + "    <property name='model-id' type='string' value='AMD &apos;EPYC&apos;'/>\n"
          + "    <property name='family' type='number' value='23'/>\n"
          + "    <property name='pclmulqdq' type='boolean' value='true' migratable='yes'/>\n"
          + "  </hostCPU>\n"
          + "  <cpu type='kvm' name='EPYC' typename='EPYC-x86_64-cpu' usable='no'>\n"
          + "    <blocker name='pclmulqdq'/>\n"
          + "  </cpu>\n"
          + "  <machine type='kvm' name='pc-i440fx-7.2' alias='pc' hotplugCpus='yes' "
              + "maxCpus='255' default='yes' defaultCPU='qemu64-x86_64-cpu' "
                  + "numaMemSupported='yes' defaultRAMid='pc.ram' deprecated='yes'/>\n"
          + "  <machine type='tcg' name='pc-q35-7.2' alias='q35' maxCpus='288'/>\n"
          + "  <sev>\n"
          + "    <cbitpos>47</cbitpos>\n"
          + "    <reducedPhysBits>1</reducedPhysBits>\n"
          + "    <pdh>AAA</pdh>\n"
          + "    <certChain>BBB</certChain>\n"
          + "    <cpu0Id>CCC</cpu0Id>\n"
          + "  </sev>\n"
          + "  <sgx supported='yes'>\n"
          + "    <flc>no</flc>\n"
          + "    <sgx1>yes</sgx1>\n"
          + "    <sgx2>no</sgx2>\n"
          + "    <section_size unit='KiB'>16</section_size>\n"
          + "  </sgx>\n"
          + "  <hypervCapabilities supported='yes'>\n"
          + "    <cap name='spinlocks'/>\n"
          + "    <cap name='vendor_id'/>\n"
          + "  </hypervCapabilities>\n"
          + "  <kvmSupportsNesting/>\n"
          + "  <kvmSupportsSecureGuest/>\n"
          + "</qemuCaps>\n";

  @Test
  void hostFactsAndEveryOptionalElementRoundTrip() throws IOException {
    QemuCaps caps = QemuCapsXml.read(HOST_FACTS);
    assertThat(caps.qemuModDirMtime()).contains(1700000001L);
    assertThat(caps.hostCpuSignature())
        .contains("AuthenticAMD, AMD EPYC & co, family: 23, model: 49, stepping: 0");
    assertThat(caps.cpuDataXml())
        .hasValueSatisfying(d -> assertThat(d).startsWith("<cpudata arch='x86'>\n  <cpuid"));
    // Blockers are kept in libvirt's spelling and written in QEMU's.
    assertThat(caps.accel(Accel.KVM).cpuDefinitions().get(0).blockers())
        .containsExactly("pclmuldq");
    assertThat(caps.sev()).hasValueSatisfying(s -> assertThat(s.cpu0Id()).isEqualTo("CCC"));
    assertThat(caps.kvmSupportsNesting()).isTrue();
    assertThat(QemuCapsXml.write(caps)).isEqualTo(HOST_FACTS);
  }

  @Test
  void unknownFlagIsAnErrorWithLineAndColumn() {
    String xml = HOST_FACTS.replace("<flag name='sgx-epc'/>", "<flag name='no-such-flag'/>");
    assertThatThrownBy(() -> QemuCapsXml.read(xml))
        .isInstanceOf(QemuCapsFormatException.class)
        .hasMessageContaining(":8:")
        .hasMessageContaining("unknown qemu capabilities flag \"no-such-flag\"");
  }

  @Test
  void missingRequiredElementIsNamed() {
    String xml = HOST_FACTS.replace("  <selfvers>9000000</selfvers>\n", "");
    assertThatThrownBy(() -> QemuCapsXml.read(xml)).hasMessageContaining("missing <selfvers>");
  }

  @Test
  void malformedXmlGivesLineAndColumn() {
    assertThatThrownBy(() -> QemuCapsXml.read("<qemuCaps>\n  <emulator>x</emulatr>\n</qemuCaps>\n"))
        .isInstanceOf(QemuCapsFormatException.class)
        .hasMessageStartingWith("<string>:2:");
  }

  @Test
  void doctypeAndExternalEntitiesAreNotResolved(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET");
    String xml =
        "<?xml version='1.0'?>\n<!DOCTYPE qemuCaps [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>\n"
            + HOST_FACTS.replace("<package>Debian 1:7.2+dfsg-7</package>",
                "<package>&x;</package>");
    assertThatThrownBy(() -> QemuCapsXml.read(xml))
        .isInstanceOf(QemuCapsFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
  }

  @Test
  void wrongYesNoValueIsQuoted() {
    String xml = HOST_FACTS.replace("<flc>no</flc>", "<flc>maybe</flc>");
    assertThatThrownBy(() -> QemuCapsXml.read(xml))
        .hasMessageContaining("expected 'yes' or 'no' for flc but was 'maybe'");
  }
}

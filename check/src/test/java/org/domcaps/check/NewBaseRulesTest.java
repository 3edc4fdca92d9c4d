// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The rules written for bases the shared corpus lacks, where the saved document and the machine
 * decide without probe facts: riscv64 virt (libvirt 9.0's own domain capabilities, saved from
 * this host as a test resource) against aarch64 virt (the corpus' base). The live rules
 * (kvm-vcpu, apic-msi, host-model-check-full, hyperv-verify) are scored with real QEMU and
 * libvirt's recorded outcomes by the cli module's NewBasesCheckTest.
 */
class NewBaseRulesTest {
  private static DomainCapabilities riscv() throws Exception {
    return DomainCapabilitiesXml.parse(Path.of(NewBaseRulesTest.class
        .getResource("/domcaps/riscv64-virt-qemu.xml").toURI()));
  }

  private static DomainCapabilities aarch64() throws Exception {
    return DomainCapabilitiesXml.parse(SharedData.root().resolve("check/domcaps")
        .resolve("aarch64-virt-qemu.xml"));
  }

  private static DomainDefinition guest(String arch, String machine, String features,
      String devices) throws Exception {
    return new DomainXmlReader().read("<domain type='qemu'>\n<name>g</name>\n"
        + "<memory unit='MiB'>256</memory>\n<vcpu>1</vcpu>\n<os>\n<type arch='" + arch
        + "' machine='" + machine + "'>hvm</type>\n</os>\n<features>" + features
        + "</features>\n<devices>\n" + devices + "\n</devices>\n</domain>\n");
  }

  private static List<Finding> errors(DomainDefinition d, DomainCapabilities c) {
    return DomainCheck.check(d, c).stream().filter(Finding::isError).toList();
  }

  @Test
  void ramfbAndVmcoreinfoNeedAFwCfgThatRiscvVirtBuildsTooLate() throws Exception {
    DomainDefinition ramfb = guest("riscv64", "virt", "",
        "<video>\n  <model type='ramfb'/>\n</video>");
    List<Finding> f = errors(ramfb, riscv());
    assertThat(f).extracting(Finding::rule).containsExactly("fw-cfg-dma");
    assertThat(f.get(0).element()).isEqualTo("<video><model type='ramfb'>");
    assertThat(f.get(0).message()).contains("ramfb device requires fw_cfg with DMA");
    assertThat(errors(guest("riscv64", "virt", "<vmcoreinfo state='on'/>", ""), riscv()))
        .extracting(Finding::rule).containsExactly("fw-cfg-dma");
    // ARM virt has its fw_cfg from the start: both run there
    assertThat(errors(guest("aarch64", "virt-7.2", "<vmcoreinfo state='on'/>",
        "<video><model type='ramfb'/></video>"), aarch64())).isEmpty();
  }

  @Test
  void cpuFlagsWithoutAModelFailWhereLibvirtHasNoCpuDriver() throws Exception {
    List<Finding> f = errors(guest("riscv64", "virt", "<pmu state='off'/>", ""), riscv());
    assertThat(f).extracting(Finding::rule).containsExactly("default-cpu-flags");
    assertThat(f.get(0).message()).contains("can't determine default CPU for arch riscv64");
    // ARM under TCG: libvirt fills in QEMU's default CPU for the machine
    assertThat(errors(guest("aarch64", "virt-7.2", "<pmu state='off'/>", ""), aarch64()))
        .isEmpty();
  }

  @Test
  void riscvVirtHasAPcieRoot() throws Exception {
    assertThat(errors(guest("riscv64", "virt", "",
        "<controller type='pci' model='pcie-root-port'/>"), riscv())).isEmpty();
  }
}

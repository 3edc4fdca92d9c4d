// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.domcaps.domain.DomainDefinition;
import org.domcaps.domain.DomainXmlReader;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The check against saved documents (the corpus' bases), offline: no probe facts. */
class DomainCheckTest {
  private static DomainCapabilities base(String name) throws Exception {
    return DomainCapabilitiesXml.parse(SharedData.root().resolve("check/domcaps").resolve(name));
  }

  private static DomainDefinition guest(String arch, String machine, String extra)
      throws Exception {
    return new DomainXmlReader().read("<domain type='qemu'>\n<name>g</name>\n"
        + "<memory unit='MiB'>256</memory>\n<vcpu>1</vcpu>\n<os>\n<type arch='" + arch
        + "' machine='" + machine + "'>hvm</type>\n</os>\n" + extra + "\n</domain>\n");
  }

  private static DomainDefinition q35(String devices) throws Exception {
    return guest("x86_64", "pc-q35-7.2", "<devices>\n" + devices + "\n</devices>");
  }

  @Test
  void aVideoModelTheDocumentLacksIsAnErrorNamingElementValueAndAllowed() throws Exception {
    DomainDefinition d = guest("aarch64", "virt-7.2",
        "<devices>\n<video>\n  <model type='qxl'/>\n</video>\n</devices>");
    List<Finding> f = DomainCheck.check(d, base("aarch64-virt-qemu.xml"));
    assertThat(f).hasSize(1);
    Finding e = f.get(0);
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.rule()).isEqualTo("video-model");
    assertThat(e.element()).isEqualTo("<video><model type='qxl'>");
    assertThat(e.value()).isEqualTo("qxl");
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.allowed()).containsExactly("vga", "cirrus", "vmvga", "virtio", "none", "bochs",
        "ramfb");
    assertThat(e.message()).isEqualTo("not supported by /usr/bin/qemu-system-aarch64 (virt-7.2, "
        + "qemu); supported: vga, cirrus, vmvga, virtio, none, bochs, ramfb");
  }

  @Test
  void aValueTheDocumentListsPasses() throws Exception {
    DomainDefinition d = q35("<video><model type='qxl'/></video><rng model='virtio'>"
        + "<backend model='random'>/dev/urandom</backend></rng>");
    assertThat(DomainCheck.check(d, base("x86_64-q35-qemu.xml"))).isEmpty();
  }

  @Test
  void whatTheDocumentDoesNotReportIsAWarningNeverAnError() throws Exception {
    DomainCapabilities caps = base("x86_64-q35-qemu.xml");
    // A document without <tpm>: the TPM is "not reported", not "no".
    DomainCapabilities noTpm = caps.toBuilder().devices(caps.devices().toBuilder()
        .tpm(org.domcaps.model.Capability.absent()).build()).build();
    List<Finding> f = DomainCheck.check(q35("<tpm model='tpm-crb'><backend type='emulator' "
        + "version='2.0'/></tpm>"), noTpm);
    assertThat(f).isNotEmpty().allMatch(x -> x.severity() == Severity.WARNING);
    assertThat(f.get(0).message()).contains("not reported").contains("cannot tell");
  }

  @Test
  void liveRulesOnlyWarnOffline() throws Exception {
    // Whether QEMU still has pcspk needs its version, which a saved document does not carry.
    List<Finding> f = DomainCheck.check(q35("<sound model='pcspk'/>"), base("x86_64-q35-qemu.xml"));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.rule()).isEqualTo("sound-model");
    });
  }

  @Test
  void withProbeFactsALiveRuleDecides() throws Exception {
    ProbeFacts qemu72 = new ProbeFacts() {
      @Override
      public java.util.OptionalLong qemuVersion() {
        return java.util.OptionalLong.of(7_002_000);
      }
    };
    List<Finding> f = DomainCheck.check(q35("<sound model='pcspk'/>"),
        List.of(new Target(base("x86_64-q35-qemu.xml"), qemu72)));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.isError()).isTrue());
  }

  @Test
  void severalHostsPassOnlyWhereEveryOneAllows() throws Exception {
    // qxl exists on both x86 machines; pcie-root-port only on Q35.
    String dev = "<video><model type='qxl'/></video><controller type='pci' "
        + "model='pcie-root-port'/>";
    DomainDefinition onQ35 = q35(dev);
    assertThat(DomainCheck.refused(DomainCheck.check(onQ35, base("x86_64-q35-qemu.xml"))))
        .isFalse();
    DomainDefinition onPc = guest("x86_64", "pc-i440fx-7.2", "<devices>" + dev + "</devices>");
    List<Finding> both = DomainCheck.check(onPc, base("x86_64-q35-qemu.xml"),
        base("x86_64-pc-qemu.xml"));
    assertThat(both).filteredOn(Finding::isError).extracting(Finding::rule)
        .containsExactly("controller-model");
    assertThat(both).filteredOn(Finding::isError).allMatch(x -> x.message().contains("pc-i440fx"));
  }

  @Test
  void aDocumentForAnotherArchIsAnError() throws Exception {
    List<Finding> f = DomainCheck.check(guest("ppc64", "pseries-7.2", ""),
        base("x86_64-q35-qemu.xml"));
    assertThat(f).filteredOn(Finding::isError).extracting(Finding::rule)
        .contains("request-match");
  }

  @Test
  void firmwareSelectionFollowsLibvirtsMatching() throws Exception {
    FirmwareCandidate secure = new FirmwareCandidate("/fw/50-secure.json", List.of("uefi"),
        "flash", "/x/CODE.secboot.fd", List.of(new FirmwareCandidate.Target("x86_64",
            List.of("pc-q35-*"))), List.of("requires-smm", "secure-boot"));
    FirmwareCandidate plain = new FirmwareCandidate("/fw/60-plain.json", List.of("uefi"),
        "flash", "/x/CODE.fd", List.of(new FirmwareCandidate.Target("x86_64",
            List.of("pc-i440fx-*", "pc-q35-*"))), List.of("acpi-s3"));
    DomainDefinition sb = new DomainXmlReader().read("<domain type='qemu'><os firmware='efi'>"
        + "<type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type><firmware>"
        + "<feature enabled='yes' name='secure-boot'/></firmware></os></domain>");
    var verdicts = FirmwareSelection.explain(sb, "x86_64", "pc-i440fx-7.2", List.of(secure, plain));
    assertThat(verdicts.get(0).rejection()).contains(
        "targets x86_64 pc-q35-*, not x86_64 pc-i440fx-7.2");
    assertThat(verdicts.get(1).rejection()).contains("lacks feature secure-boot (enabled='yes' "
        + "asked)");
    assertThat(FirmwareSelection.pick(verdicts)).isEqualTo(Optional.empty());
    var onQ35 = FirmwareSelection.explain(sb, "x86_64", "pc-q35-7.2", List.of(secure, plain));
    assertThat(FirmwareSelection.pick(onQ35)).contains(secure);
  }

  @Test
  void globsMatchAsFnmatch() {
    assertThat(Glob.matches("pc-q35-*", "pc-q35-7.2")).isTrue();
    assertThat(Glob.matches("pc-q35-*", "pc-i440fx-7.2")).isFalse();
    assertThat(Glob.matches("virt-[0-9]*", "virt-7.2")).isTrue();
    assertThat(Glob.matches("virt-?.2", "virt-7.2")).isTrue();
    assertThat(Glob.matches("virt", "virt-7.2")).isFalse();
  }

}

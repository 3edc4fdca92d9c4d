// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.LibvirtPrints;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-release tables drive the writer: a release's own documents come out unchanged when
 * written as that release, and a document says which releases could have printed it.
 */
class VersionTablesTest {
  static Stream<Path> documents90() {
    return SharedData.allDomainCapabilitiesDocuments().stream();
  }

  static Stream<Path> documents113() throws Exception {
    try (Stream<Path> s =
        Files.list(SharedData.root().resolve("conformance/libvirt-11.3.0/domaincaps"))) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents90")
  void libvirt9DocumentsWrittenAs9AreUnchanged(Path file) throws Exception {
    DomainCapabilities caps = DomainCapabilitiesXml.parse(file);
    String original = Files.readString(file, StandardCharsets.UTF_8).stripTrailing() + "\n";
    assertThat(DomainCapabilitiesXml.format(caps, LibvirtVersion.V9_0)).isEqualTo(original);
    assertThat(DomainCapabilitiesXml.couldHavePrinted(caps)).contains(LibvirtVersion.V9_0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents113")
  void libvirt113DocumentsWrittenAs113AreUnchangedAndNot9(Path file) throws Exception {
    DomainCapabilities caps = DomainCapabilitiesXml.parse(file);
    String original = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(DomainCapabilitiesXml.format(caps, LibvirtVersion.V11_3)).isEqualTo(original);
    assertThat(DomainCapabilitiesXml.couldHavePrinted(caps)).contains(LibvirtVersion.V11_3)
        .doesNotContain(LibvirtVersion.V9_0);
    String as9 = DomainCapabilitiesXml.format(caps, LibvirtVersion.V9_0);
    assertThat(as9).doesNotContain("<crypto").doesNotContain("canonical=")
        .doesNotContain("<blockers").doesNotContain("<async-teardown");
    assertThat(DomainCapabilitiesXml.couldHavePrinted(DomainCapabilitiesXml.parse(as9)))
        .contains(LibvirtVersion.V9_0);
  }

  @Test
  void theNewestExamplesNeedTheNewestTable() throws Exception {
    DomainCapabilities q35 = DomainCapabilitiesXml.parse(
        SharedData.root().resolve("newest/domaincaps/qemu_11.1.0-q35.x86_64.xml"));
    assertThat(DomainCapabilitiesXml.couldHavePrinted(q35))
        .containsExactly(LibvirtVersion.of(12, 8, 0));
    assertThat(LibvirtPrints.V11_3.problems(q35)).contains("os/firmwareFeatures",
        "devices/console", "features/tdx", "features/hyperv/defaults",
        "hostdev/enum[@name='iommufd']");
  }

  @Test
  void framingAndUnknownReleases() {
    assertThat(LibvirtPrints.V9_0.virshExtraNewlines()).isEqualTo(2);
    assertThat(LibvirtPrints.V11_3.virshExtraNewlines()).isEqualTo(1);
    assertThat(LibvirtPrints.of(LibvirtVersion.of(10, 0, 0))).isEmpty();
    assertThatThrownBy(() -> DomainCapabilitiesXml.format(SampleDocuments.minimal(),
        LibvirtVersion.of(10, 0, 0))).hasMessageStartingWith("no table of what libvirt 10.0.0");
  }
}

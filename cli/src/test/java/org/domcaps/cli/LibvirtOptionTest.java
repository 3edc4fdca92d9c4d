// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.host.InstalledLibvirt;
import org.junit.jupiter.api.Test;

/** {@code --libvirt}: the releases accepted, the refusal of others, the default named in help. */
class LibvirtOptionTest {
  @Test
  void acceptsTheSupportedReleasesInTheirShortAndFullSpelling() {
    assertThat(LibvirtOption.parse("9.0")).isEqualTo(LibvirtVersion.V9_0);
    assertThat(LibvirtOption.parse("11.3")).isEqualTo(LibvirtVersion.V11_3);
    assertThat(LibvirtOption.parse("11.3.0")).isEqualTo(LibvirtVersion.V11_3);
  }

  @Test
  void refusesOtherReleasesNamingTheValueAndTheChoices() {
    assertThatThrownBy(() -> LibvirtOption.parse("10.0"))
        .hasMessage("libvirt 10.0 is not supported: expected one of 9.0, 11.3");
    assertThatThrownBy(() -> LibvirtOption.parse("eleven"))
        .hasMessageContaining("\"eleven\"").hasMessageContaining("MAJOR.MINOR");
  }

  @Test
  void aRefusedReleaseIsAnErrorOfTheCommandBeforeAnythingRuns() {
    CliRun run = CliRun.of("--libvirt", "8.0", "--virttype", "qemu", "--arch", "x86_64");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("error: libvirt 8.0 is not supported: expected one of 9.0, 11.3\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpNamesThisHostsDefault() {
    CliRun run = CliRun.of("--help");
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("--libvirt=VERSION libvirt release to answer as: 9.0 or 11.3")
        .contains("on this host " + InstalledLibvirt.defaultRelease());
  }

  @Test
  void theFastPathTakesTheOption() {
    DomCapsCommand c = FastPath.parse(new String[] {"--libvirt", "11.3", "--arch", "x86_64"});
    assertThat(c).isNotNull();
    assertThat(c.libvirt.release()).isEqualTo(LibvirtVersion.V11_3);
  }
}

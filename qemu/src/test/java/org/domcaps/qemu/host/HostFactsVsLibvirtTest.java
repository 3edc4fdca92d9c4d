// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.domcaps.qemu.testing.NobodyFiles;
import org.junit.jupiter.api.Test;

/**
 * The host facts libvirt prints without KVM (swtpm versions, pciBackend, the default emulator)
 * compared with libvirt 9.0.0 embedded, run as nobody on this machine.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class HostFactsVsLibvirtTest {
  private static List<String> enumValues(String doc, String element, String name) {
    Matcher block = Pattern.compile("(?s)<" + element + " supported='yes'>(.*?)</" + element + ">")
        .matcher(doc);
    assertThat(block.find()).as("<%s> in libvirt's answer", element).isTrue();
    Matcher e = Pattern.compile("(?s)<enum name='" + name + "'(/>|>(.*?)</enum>)")
        .matcher(block.group(1));
    if (!e.find()) {
      return null; // enum not printed at all
    }
    List<String> out = new ArrayList<>();
    if (e.group(2) != null) {
      Matcher v = Pattern.compile("<value>([^<]*)</value>").matcher(e.group(2));
      while (v.find()) {
        out.add(v.group(1));
      }
    }
    return out;
  }

  @Test
  void swtpmPciBackendAndDefaultEmulatorAgreeWithLibvirt() {
    EmbeddedLibvirt.assumeAvailableAsNobody();
    Path home = NobodyFiles.privateDir("domcaps-home");
    try (HostFirmwareLock lock = HostFirmwareLock.shared();
        EmbeddedLibvirt virsh = EmbeddedLibvirt.asNobody(null)) {
      EmbeddedLibvirt.Result r =
          virsh.domcapabilities(Map.of("HOME", home.toString()), "i686", null);
      assertThat(r.status()).as(r.stderr()).isZero();
      // the same PATH virsh ran with
      LiveHostFacts ours = new LiveHostFacts(Path.of("/"), LibvirtArch.unameMachine(),
          new ProgramSearch(EmbeddedLibvirt.PATH, Path.of("/")));
      Swtpm swtpm = ours.swtpm();
      List<String> versions = enumValues(r.stdout(), "tpm", "backendVersion");
      if (swtpm.present() && !swtpm.tpmVersions().isEmpty()) {
        assertThat(versions).isEqualTo(swtpm.tpmVersions());
      } else {
        assertThat(versions).isNull();
      }
      assertThat(enumValues(r.stdout(), "tpm", "backendModel").contains("emulator"))
          .isEqualTo(swtpm.present());
      List<String> pci = enumValues(r.stdout(), "hostdev", "pciBackend");
      assertThat(pci).isEqualTo(ours.vfioUsable() ? List.of("default", "vfio") : List.of());
      Matcher path = Pattern.compile("<path>([^<]*)</path>").matcher(r.stdout());
      assertThat(path.find()).isTrue();
      assertThat(ours.defaultEmulator("i686")).contains(path.group(1));
    } finally {
      NobodyFiles.deleteTree(home);
    }
  }
}

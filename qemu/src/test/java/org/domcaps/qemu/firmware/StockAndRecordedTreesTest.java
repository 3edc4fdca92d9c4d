// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.domcaps.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Results on this machine's stock Debian 12 descriptors (domcaps-live.md §2.6) and on the trees of
 * libvirt's recorded suite (qmp-probe.md §4.4).
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class StockAndRecordedTreesTest {
  private static final String OVMF = "/usr/share/OVMF/";
  private static final String AAVMF = "/usr/share/AAVMF/";
  private final List<String> warnings = new ArrayList<>();

  private OsFirmwareCapabilities stock(String arch, String machine) {
    assumeTrue(Files.isRegularFile(FirmwareRoots.DATA_DIR.resolve("60-edk2-x86_64.json")),
        "skipped: Debian's ovmf descriptors are not installed in /usr/share/qemu/firmware");
    // /usr/share only: the stock table assumes no /etc/qemu/firmware
    return new FirmwareCapsResolver(FirmwareRoots.of(FirmwareRoots.DATA_DIR), warnings::add)
        .osCapabilities(arch, machine);
  }

  @Test
  void debian12StockResults() {
    OsFirmwareCapabilities pc = stock("x86_64", "pc-i440fx-7.2");
    assertThat(pc.firmware()).containsExactly("efi");
    assertThat(pc.loaderValues()).containsExactly(OVMF + "OVMF_CODE_4M.fd");
    assertThat(pc.loaderSecure()).containsExactly("no");

    OsFirmwareCapabilities q35 = stock("x86_64", "pc-q35-7.2");
    assertThat(q35.firmware()).containsExactly("efi");
    assertThat(q35.loaderValues()).containsExactly(
        OVMF + "OVMF_CODE_4M.ms.fd", OVMF + "OVMF_CODE_4M.secboot.fd", OVMF + "OVMF_CODE_4M.fd");
    assertThat(q35.loaderSecure()).containsExactly("yes", "no");

    OsFirmwareCapabilities virt = stock("aarch64", "virt-7.2");
    assertThat(virt.firmware()).containsExactly("efi");
    assertThat(virt.loaderValues())
        .containsExactly(AAVMF + "AAVMF_CODE.ms.fd", AAVMF + "AAVMF_CODE.fd");
    assertThat(virt.loaderSecure()).containsExactly("no");

    OsFirmwareCapabilities arm = stock("armv7l", "virt-7.2");
    assertThat(arm.firmware()).containsExactly("efi");
    assertThat(arm.loaderValues()).containsExactly(AAVMF + "AAVMF32_CODE.fd");
    assertThat(stock("armv6l", "virt-7.2").firmware()).isEmpty();

    List<String> builtIn = List.of(OVMF + "OVMF_CODE.fd", OVMF + "OVMF_CODE.secboot.fd",
        AAVMF + "AAVMF_CODE.fd", AAVMF + "AAVMF32_CODE.fd");
    for (String[] req : new String[][] {{"x86_64", "isapc"}, {"x86_64", "microvm"},
        {"i686", "pc-q35-7.2"}, {"armv7l", "integratorcp"}, {"ppc64", "pseries-7.2"},
        {"s390x", "s390-ccw-virtio-7.2"}}) {
      OsFirmwareCapabilities other = stock(req[0], req[1]);
      assertThat(other.firmware()).as("%s %s", req[0], req[1]).isEmpty();
      assertThat(other.loaderValues()).as("%s %s", req[0], req[1]).isEqualTo(builtIn);
      assertThat(other.loaderSecure()).containsExactly("no");
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void libvirtRecordedSuiteTrees() {
    FirmwareCapsResolver r = new FirmwareCapsResolver(
        FirmwareRoots.relocated(SharedData.conformance().resolve("firmware"), false,
            "/home/user/.config"),
        warnings::add);
    assertThat(DescriptorFiles.scan(r.roots(), warnings::add).effective())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("40-bios.json", "40-ovmf-sb-keys.json", "45-ovmf-sev-stateless.json",
            "50-ovmf-sb-keys.json", "55-ovmf-sb-combined.json", "61-ovmf.json", "70-aavmf.json");
    OsFirmwareCapabilities pc = r.osCapabilities("x86_64", "pc-i440fx-7.2");
    assertThat(pc.firmware()).containsExactly("bios", "efi");
    assertThat(pc.loaderSecure()).containsExactly("no");
    OsFirmwareCapabilities q35 = r.osCapabilities("x86_64", "pc-q35-7.2");
    assertThat(q35.firmware()).containsExactly("bios", "efi");
    assertThat(q35.loaderSecure()).containsExactly("yes", "no");
    OsFirmwareCapabilities virt = r.osCapabilities("aarch64", "virt-7.0");
    assertThat(virt.firmware()).containsExactly("efi");
    assertThat(virt.loaderSecure()).containsExactly("no");
    for (String[] req : new String[][] {{"armv7l", "integratorcp"}, {"ppc64", "pseries-7.0"},
        {"s390x", "s390-ccw-virtio-5.2"}, {"sparc", "SS-5"}}) {
      assertThat(r.osCapabilities(req[0], req[1]).firmware()).as(req[1]).isEmpty();
    }
    // libvirt's tree has etc/.../40-ovmf-sb-keys.json as a symlink to 50-ovmf-sb-keys.json; the
    // shared copy holds the link text as a regular file, which is skipped with a warning. Its
    // target is parsed anyway under its own name, so the answers above are unaffected.
    assertThat(warnings).allSatisfy(w -> assertThat(w)
        .contains("etc/qemu/firmware/40-ovmf-sb-keys.json").contains("unable to parse json"));
  }
}

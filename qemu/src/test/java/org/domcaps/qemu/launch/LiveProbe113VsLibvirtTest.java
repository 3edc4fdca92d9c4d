// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.EmbeddedLibvirt113;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live acceptance for libvirt 11.3: our probe asking 11.3's questions writes the capability cache
 * libvirt 11.3.0 writes for the same binary on this machine, from the first {@code <flag>} on
 * (both phases when /dev/kvm is usable). libvirt 11.3 runs as the private tree of
 * {@code ../shared/tools/libvirt-11.3-env.sh}, QEMU as root like our probe.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveProbe113VsLibvirtTest {
  @TempDir Path scratch;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"x86_64", "aarch64"})
  void probeWrites113sCache(String arch) throws IOException {
    EmbeddedLibvirt113.assumeAvailable();
    Path binary = Path.of("/usr/bin/qemu-system-" + arch);
    assumeTrue(Files.isExecutable(binary), "skipped: " + binary + " is not installed");
    Path root = Files.createDirectories(scratch.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/qemu.conf"), "user = \"root\"\ngroup = \"root\"\n");
    EmbeddedLibvirt.Result r = EmbeddedLibvirt113.virshInRoot(root,
        List.of("domcapabilities", "--virttype", "qemu", "--arch", arch,
            "--emulatorbin", binary.toString()));
    assertThat(r.status()).as("libvirt 11.3 virsh, stderr: %s", r.stderr()).isZero();
    String expected = EmbeddedLibvirt113.cacheFile(root, binary.toString()).orElseThrow();
    assertThat(expected).contains("<selfvers>11003000</selfvers>");

    QemuCaps caps = QemuProbe.probe(
        new LiveConnector(binary, LaunchSettings.defaults().withWorkDirParent(scratch)),
        ProbeContexts.live(binary.toString(),
            LiveHostKey.read(new LiveHostFacts(), LibvirtVersion.V11_3)));
    String ours = QemuCapsXml.write(caps);
    assertThat(fromFirstFlag(ours)).isEqualTo(fromFirstFlag(expected));
  }

  private static String fromFirstFlag(String xml) {
    int at = xml.indexOf("  <flag ");
    assertThat(at).as("a <flag> in\n%s", xml).isPositive();
    return xml.substring(at);
  }
}

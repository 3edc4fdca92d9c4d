// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.domcaps.model.LibvirtVersion;
import org.domcaps.qemu.cache.LiveHostKey;
import org.domcaps.qemu.host.LiveHostFacts;
import org.domcaps.qemu.cache.ProbeContexts;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.caps.QemuCapsXml;
import org.domcaps.qemu.probe.ProbeContext;
import org.domcaps.qemu.probe.QemuProbe;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.domcaps.qemu.testing.HostKvm;
import org.domcaps.qemu.testing.NoKvmNamespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live acceptance: for every installed {@code /usr/bin/qemu-system-*} that libvirt probes, our
 * probe (launcher + QemuProbe + cache writer, host facts read by {@link ProbeContexts}) writes
 * the capability cache libvirt 9.0.0 writes for the same binary on this machine, from the first
 * {@code <flag>} to the end. Before {@code <flag>} are identity fields that legitimately differ
 * (libvirt's own ctime); binary ctime and module dir mtime are compared separately.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveProbeVsLibvirtTest {
  private static final String QEMU_AS_ROOT = "user = \"root\"\ngroup = \"root\"\n";
  @TempDir static Path scratch;
  private Map<String, String> libvirt;

  static List<Path> emulators() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/usr/bin"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("qemu-system-"))
          .filter(Files::isExecutable)
          .sorted()
          .toList();
    }
  }

  @BeforeAll
  void runLibvirt() throws Exception {
    EmbeddedLibvirt.assumeAvailable();
    assumeTrue(!emulators().isEmpty(), "skipped: no /usr/bin/qemu-system-* installed");
    libvirt = libvirtCache(null, "capabilities");
  }

  /**
   * The cache files libvirt writes for {@code virsh ARGS} in a fresh root, by emulator. qemu.conf
   * makes libvirt run the probing QEMU as root, like our probe.
   */
  private static Map<String, String> libvirtCache(Path runner, String... args) {
    try (EmbeddedLibvirt lv = EmbeddedLibvirt.privileged(QEMU_AS_ROOT, runner)) {
      EmbeddedLibvirt.Result r = lv.virsh(args);
      assertThat(r.status()).as("virsh %s, stderr: %s", List.of(args), r.stderr()).isZero();
      return lv.cacheFiles();
    }
  }

  @Test
  void libvirtCachedInstalledEmulatorsOnly() throws IOException {
    assertThat(libvirt).isNotEmpty();
    assertThat(emulators().stream().map(Path::toString).toList()).containsAll(libvirt.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emulators")
  void probeWritesLibvirtsCache(Path binary) throws IOException {
    String expected = libvirt.get(binary.toString());
    // libvirt probes only the emulators of architectures it knows (not e.g. avr, rx, tricore).
    assumeTrue(
        expected != null, "skipped: libvirt 9.0.0 does not probe " + binary + " (unknown arch)");
    ProbeContext ctx =
        ProbeContexts.live(binary.toString(),
            LiveHostKey.read(new LiveHostFacts(), LibvirtVersion.V9_0));
    LaunchSettings settings = LaunchSettings.defaults().withWorkDirParent(scratch);
    QemuCaps caps = QemuProbe.probe(new LiveConnector(binary, settings), ctx);
    String ours = QemuCapsXml.write(caps);
    assertThat(fromFirstFlag(ours)).isEqualTo(fromFirstFlag(expected));
    assertThat(element(ours, "qemuctime")).isEqualTo(element(expected, "qemuctime"));
    assertThat(element(ours, "qemumoddirmtime")).isEqualTo(element(expected, "qemumoddirmtime"));
    try (Stream<Path> left =
        Files.list(scratch).filter(p -> p.getFileName().toString().startsWith("qmp-"))) {
      assertThat(left).as("probe work dirs left").isEmpty();
    }
  }

  /**
   * The KVM-less path (first phase with virt type none: host-model expansions of {@code host} and
   * the Hyper-V probe under TCG, no second phase) against libvirt on the same KVM-less view of this
   * host. On a KVM host both run in a mount namespace without /dev/kvm.
   */
  @Test
  void withoutKvmX86ProbeWritesLibvirtsCache() throws Exception {
    Path qemu = Path.of("/usr/bin/qemu-system-x86_64");
    assumeTrue(Files.isExecutable(qemu), "skipped: " + qemu + " is not installed");
    Path runner = null;
    Path binary = qemu;
    if (HostKvm.usable()) {
      String why = NoKvmNamespace.unavailableReason();
      assumeTrue(why == null, why);
      Path dir = Files.createTempDirectory(scratch, "nokvm-");
      NoKvmNamespace ns = NoKvmNamespace.create(dir);
      runner = ns.runner();
      binary = ns.wrap(dir, qemu);
    }
    String expected =
        libvirtCache(runner, "domcapabilities", "--arch", "x86_64").get(qemu.toString());
    assertThat(expected).as("libvirt's cache for %s without KVM", qemu).isNotNull();
    assertThat(expected).doesNotContain("<flag name='kvm'/>");
    LiveConnector connector =
        new LiveConnector(binary, LaunchSettings.defaults().withWorkDirParent(scratch));
    QemuCaps caps =
        QemuProbe.probe(connector,
            ProbeContexts.live(binary.toString(),
                LiveHostKey.read(new LiveHostFacts(), LibvirtVersion.V9_0)));
    assertThat(connector.firstPhaseUsedKvm()).contains(false);
    assertThat(fromFirstFlag(QemuCapsXml.write(caps))).isEqualTo(fromFirstFlag(expected));
  }

  private static String fromFirstFlag(String xml) {
    int at = xml.indexOf("  <flag ");
    assertThat(at).as("a <flag> in\n%s", xml).isPositive();
    return xml.substring(at);
  }

  private static String element(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    int end = xml.indexOf("</" + name + ">");
    return start < 0 || end < 0 ? "" : xml.substring(start, end);
  }
}

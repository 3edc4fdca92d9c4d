// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.hosts.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domcaps.hosts.cpu.HypervisorCpu;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.api.DomCaps;
import org.domcaps.qemu.api.DomCapsRequest;
import org.domcaps.qemu.api.LiveOptions;
import org.domcaps.qemu.api.Options;
import org.domcaps.qemu.api.Resolution;
import org.domcaps.qemu.testing.EmbeddedLibvirt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This host's cpu-feature labels against what KubeVirt's init container asks libvirt 9.0: {@code
 * virsh domcapabilities --machine q35 --arch x86_64 --virttype V} piped into {@code virsh
 * hypervisor-cpu-baseline --features}, its required features.
 */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveLabelsTest {
  private static final Pattern REQUIRED =
      Pattern.compile("<feature policy='require' name='([^']+)'/>");

  private static final Pattern CPU = Pattern.compile("<cpu>.*?</cpu>", Pattern.DOTALL);

  @TempDir Path tmp;

  private static String cpuPart(String doc) {
    Matcher m = CPU.matcher(doc);
    return m.find() ? m.group() : "";
  }

  @Test
  void featureLabelsAreWhatLibvirtsBaselineRequires() throws Exception {
    EmbeddedLibvirt.assumeAvailable();
    Assumptions.assumeTrue(LiveOptions.hostArch().equals("x86_64"),
        "skipped: the labeller's x86 path needs an x86_64 host");
    String virtType = Files.exists(Path.of("/dev/kvm")) ? "kvm" : "qemu";
    Path caps = tmp.resolve("domcaps.xml");
    Set<String> libvirt = new TreeSet<>();
    try (EmbeddedLibvirt lv = EmbeddedLibvirt.privileged(null)) {
      EmbeddedLibvirt.Result dc =
          lv.virsh("domcapabilities", "--machine", "q35", "--arch", "x86_64", "--virttype",
              virtType);
      assertThat(dc.status()).isZero();
      Files.writeString(caps, dc.stdout());
      EmbeddedLibvirt.Result b = lv.virsh("hypervisor-cpu-baseline", "--features", caps.toString(),
          "--machine", "q35", "--arch", "x86_64", "--virttype", virtType);
      assertThat(b.status()).as(b.stderr()).isZero();
      Matcher m = REQUIRED.matcher(b.stdout());
      while (m.find()) {
        libvirt.add(m.group(1));
      }
    }
    Options options = LiveOptions.forThisHost(w -> { }, Optional.empty());
    Resolution r = DomCaps.resolve(DomCapsRequest.of(null, "x86_64", "q35", virtType), options);
    DomainCapabilities doc = DomCaps.fill(r, options);
    // The labels depend on the CPU part alone (firmware files may come and go while other
    // tests on this machine run): that part must be libvirt's.
    assertThat(cpuPart(DomainCapabilitiesXml.format(doc))).as("our <cpu> is libvirt's")
        .isEqualTo(cpuPart(Files.readString(caps)));
    Set<String> ours = new TreeSet<>();
    new NodeLabels().labels(doc, HypervisorCpu.of(r, doc), NodeLabels.DEFAULT_OBSOLETE).keySet()
        .stream()
        .filter(k -> k.startsWith(NodeLabels.CPU_FEATURE))
        .forEach(k -> ours.add(k.substring(NodeLabels.CPU_FEATURE.length())));
    assertThat(ours).isNotEmpty().isEqualTo(libvirt);
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.domcaps.qemu.arch.LibvirtArch;
import org.domcaps.qemu.caps.QemuCaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host facts read from fake /sys, /proc and /dev trees, and from this machine. */
@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class LiveHostFactsTest {
  @TempDir Path root;

  private LiveHostFacts facts(String uname) {
    return new LiveHostFacts(root, uname, new ProgramSearch("", root));
  }

  private void put(String path, String content) throws IOException {
    Path p = root.resolve(path.substring(1));
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static QemuCaps caps(String... flags) {
    QemuCaps.Builder b = QemuCaps.builder().emulator("/usr/bin/qemu-system-x86_64").arch("x86_64");
    for (String f : flags) {
      b.flag(f);
    }
    return b.build();
  }

  @Test
  void archFromUname() {
    assertThat(LibvirtArch.fromUname("i386")).isEqualTo("i686");
    assertThat(LibvirtArch.fromUname("i586")).isEqualTo("i686");
    assertThat(LibvirtArch.fromUname("amd64")).isEqualTo("x86_64");
    assertThat(LibvirtArch.fromUname("arm64")).isEqualTo("aarch64");
    assertThat(LibvirtArch.fromUname("s390x")).isEqualTo("s390x");
    assertThat(LibvirtArch.fromUname("i86")).isEqualTo("none");
    assertThat(LibvirtArch.fromUname("loongarch64")).isEqualTo("none");
    assertThat(facts("x86_64").arch()).isEqualTo("x86_64");
  }

  @Test
  void vfioNeedsIommuGroupsAndVfioDeviceAndVfioPci() throws IOException {
    LiveHostFacts f = facts("x86_64");
    Files.createDirectories(root.resolve("sys/kernel/iommu_groups"));
    put("/dev/vfio/vfio", "");
    assertThat(f.vfioUsable()).isFalse(); // no group
    Files.createDirectories(root.resolve("sys/kernel/iommu_groups/0"));
    assertThat(f.vfioUsable()).isTrue();
    assertThat(f.pciBackends(caps("vfio-pci"))).containsExactly("default", "vfio");
    assertThat(f.pciBackends(caps())).isEmpty();
    Files.delete(root.resolve("dev/vfio/vfio"));
    assertThat(f.vfioUsable()).isFalse();
  }

  @Test
  void amdSecureGuestNeedsSevParameterAndDevSev() throws IOException {
    LiveHostFacts f = facts("x86_64");
    assertThat(f.sev()).isEqualTo(HostFacts.SevHost.DISABLED);
    put("/sys/module/kvm_amd/parameters/sev", "Y\n");
    put("/sys/module/kvm_amd/parameters/sev_es", "N\n");
    assertThat(f.sev()).isEqualTo(new HostFacts.SevHost(true, false));
    assertThat(f.kvmSupportsSecureGuest()).isFalse();
    put("/dev/sev", "");
    assertThat(f.kvmSupportsSecureGuest()).isTrue();
    put("/sys/module/kvm_amd/parameters/sev", "0\n");
    assertThat(f.kvmSupportsSecureGuest()).isFalse();
    assertThat(facts("aarch64").kvmSupportsSecureGuest()).isFalse();
  }

  @Test
  void s390ProtectedVirtualizationNeedsUvAndProtVirt() throws IOException {
    LiveHostFacts f = facts("s390x");
    put("/proc/cmdline", "root=/dev/dasda1 prot_virt=1\n");
    assertThat(f.kvmSupportsSecureGuest()).isFalse(); // no /sys/firmware/uv
    Files.createDirectories(root.resolve("sys/firmware/uv"));
    assertThat(f.kvmSupportsSecureGuest()).isTrue();
    put("/proc/cmdline", "root=/dev/dasda1 prot_virt=0\n");
    assertThat(f.kvmSupportsSecureGuest()).isFalse();
  }

  @Test
  void nestingFromAnyKvmModule() throws IOException {
    LiveHostFacts f = facts("x86_64");
    assertThat(f.kvmNestingEnabled()).isFalse();
    put("/sys/module/kvm_intel/parameters/nested", "N\n");
    put("/sys/module/kvm_amd/parameters/nested", "1\n");
    assertThat(f.kvmNestingEnabled()).isTrue();
  }

  @Test
  void sevGuestLimitsFromCpuidRegistersOrMiscCgroup() throws IOException {
    assertThat(SevGuestLimits.fromCpuid(509, 451)).isEqualTo(new SevGuestLimits(59, 450));
    assertThat(SevGuestLimits.fromCpuid(509, 0)).isEqualTo(SevGuestLimits.NONE);
    LiveHostFacts f = facts("x86_64");
    assertThat(f.sevGuestLimits()).isEqualTo(SevGuestLimits.NONE);
    put("/sys/fs/cgroup/misc.capacity", "sev 59\nsev_es 450\n");
    assertThat(f.sevGuestLimits()).isEqualTo(new SevGuestLimits(59, 450));
    // a fake cpuid device: 16 bytes at offset LEAF (a sparse file stands in for the driver)
    Path dev = root.resolve("dev/cpu/0/cpuid");
    Files.createDirectories(dev.getParent());
    try (var ch = java.nio.channels.FileChannel.open(dev,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(0).putInt(100).putInt(10);
      b.flip();
      ch.write(b, SevHostProbe.SEV_LEAF);
    }
    assertThat(f.sevGuestLimits()).isEqualTo(new SevGuestLimits(91, 9));
    assertThat(facts("aarch64").sevGuestLimits()).isEqualTo(SevGuestLimits.NONE);
  }

  @Test
  void thisMachine() {
    LiveHostFacts live = new LiveHostFacts();
    assertThat(live.arch()).isEqualTo(LibvirtArch.fromUname(LibvirtArch.unameMachine()));
    assertThat(LibvirtArch.isKnown(live.arch())).isTrue();
    assertThat(live.privileged()).isEqualTo(ProcessIdentity.effectiveUid() == 0);
    if (Files.isReadable(Path.of("/dev/cpu/0/cpuid")) && LibvirtArch.isX86(live.arch())) {
      int[] leaf0 = SevHostProbe.cpuid(Path.of("/dev/cpu/0/cpuid"), 0).orElseThrow();
      String vendor = new String(java.nio.ByteBuffer.allocate(12)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(leaf0[1]).putInt(leaf0[3])
          .putInt(leaf0[2]).array(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(vendor).isIn("AuthenticAMD", "GenuineIntel", "HygonGenuine", "CentaurHauls");
    }
    // facts absent on this CI host type; printed so a run on an SEV/SGX/s390 host is visible
    System.out.printf("host: arch=%s privileged=%s kvm=%s vfio=%s sev=%s secureGuest=%s "
            + "sevLimits=%s nesting=%s swtpm=%s%n", live.arch(), live.privileged(),
        live.kvmUsable(), live.vfioUsable(), live.sev(), live.kvmSupportsSecureGuest(),
        live.sevGuestLimits(), live.kvmNestingEnabled(), live.swtpm());
    if (!Files.exists(Path.of("/dev/sev"))) {
      assertThat(live.kvmSupportsSecureGuest()).isFalse();
    }
  }

  @Test
  void overridesReplaceOnlyWhatIsGiven() throws IOException {
    LiveHostFacts base = facts("x86_64");
    HostFacts o = HostFacts.overriding(base).arch("ppc64").kvmMaxVcpus(7).swtpm(Swtpm.ABSENT)
        .vfioUsable(true).build();
    assertThat(o.arch()).isEqualTo("ppc64");
    assertThat(o.kvmMaxVcpus()).isEqualTo(7);
    assertThat(o.swtpm()).isEqualTo(Swtpm.ABSENT);
    assertThat(o.kvmUsable()).isFalse(); // from the fake tree
    assertThat(o.pciBackends(caps("vfio-pci"))).containsExactly("default", "vfio");
    assertThat(o.pciBackends(caps())).isEmpty();
    HostFacts forced = HostFacts.overriding(base).pciBackends(List.of("default", "vfio")).build();
    assertThat(forced.pciBackends(caps())).containsExactly("default", "vfio");
    assertThat(HostFacts.overriding(base).build().pciBackends(caps("vfio-pci"))).isEmpty();
  }
}

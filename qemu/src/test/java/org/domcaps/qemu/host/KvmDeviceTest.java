// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("live") // real QEMU, libvirt or host files: integration tier
class KvmDeviceTest {
  @Test
  void maxVcpusMatchesAnIndependentIoctl() throws Exception {
    assumeTrue(KvmDevice.usable(KvmDevice.PATH), "skipped: /dev/kvm is not usable on this host");
    int ours = KvmDevice.maxVcpus(KvmDevice.PATH);
    assertThat(ours).isPositive();
    assertThat(new LiveHostFacts().kvmMaxVcpus()).isEqualTo(ours);
    assertThat(new LiveHostFacts().kvmUsable()).isTrue();
    // the same ioctl through Python's fcntl, when python3 is around
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 missing: no cross-check");
    Process p = new ProcessBuilder("/usr/bin/python3", "-c",
        "import fcntl,os\nfd=os.open('/dev/kvm',os.O_RDONLY)\n"
            + "n=fcntl.ioctl(fd,0xAE03,66)\nprint(n if n>0 else (fcntl.ioctl(fd,0xAE03,9) or 4))")
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).isZero();
    assertThat(ours).isEqualTo(Integer.parseInt(out));
  }

  @Test
  void missingDeviceFailsWithLibvirtsMessage(@org.junit.jupiter.api.io.TempDir Path tmp) {
    assertThat(KvmDevice.usable(tmp.resolve("kvm").toString())).isFalse();
    assertThatThrownBy(() -> KvmDevice.maxVcpus(tmp.resolve("kvm").toString()))
        .isInstanceOf(HostFactException.class)
        .hasMessage("Unable to open " + tmp.resolve("kvm") + ": No such file or directory");
    LiveHostFacts fake = new LiveHostFacts(tmp, "x86_64", new ProgramSearch("", tmp));
    assertThat(fake.kvmUsable()).isFalse();
    assertThatThrownBy(fake::kvmMaxVcpus)
        .hasMessage("Unable to open /dev/kvm: No such file or directory");
  }

  @Test
  void aRegularFileIsNotKvm(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path notKvm = Files.writeString(tmp.resolve("kvm"), "x");
    // opens fine, but the ioctl fails: libvirt then falls back to 4
    assertThat(KvmDevice.maxVcpus(notKvm.toString())).isEqualTo(4);
  }
}

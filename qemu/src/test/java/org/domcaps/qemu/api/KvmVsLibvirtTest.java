// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.domcaps.model.xml.DomainCapabilitiesXml;
import org.domcaps.qemu.host.KvmDevice;
import org.domcaps.qemu.host.ProcessIdentity;
import org.domcaps.qemu.testing.HostFirmwareLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --virttype kvm} against libvirt 9.0.0 itself, run live on this machine in embedded mode
 * ({@code virsh -c qemu:///embed?root=DIR}, a fresh DIR per request).
 *
 * <p>libvirt as root insists on its {@code libvirt-qemu} user; where the package that creates it
 * is not installed, the run happens in a private mount namespace whose {@code /etc/passwd} and
 * {@code /etc/group} add that user as uid/gid 0, i.e. QEMU probed as root like our own probe.
 */
class KvmVsLibvirtTest {
  @TempDir Path tmp;

  private static final List<List<String>> REQUESTS = List.of(
      List.of("--virttype", "kvm", "--arch", "x86_64"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "q35"),
      List.of("--virttype", "kvm", "--arch", "x86_64", "--machine", "pc"),
      List.of("--virttype", "kvm", "--arch", "i686"),
      List.of("--virttype", "kvm", "--arch", "i686", "--machine", "q35"),
      List.of("--virttype", "kvm", "--arch", "i686", "--machine", "pc"),
      List.of());

  @Test
  void kvmAnswersEqualLibvirtOnThisMachine() throws Exception {
    // Other checkouts' tests may be editing /etc/qemu/firmware; wait for them.
    try (HostFirmwareLock lock = HostFirmwareLock.shared()) {
      assumeTrue(KvmDevice.usable(KvmDevice.PATH), "skipped: /dev/kvm is not usable here");
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "skipped: virsh is not installed");
      assumeTrue(ProcessIdentity.effectiveUid() == 0,
          "skipped: comparing with libvirt's privileged embedded driver needs root");
      Options options = LiveOptions.forThisHost(w -> {});
      List<String> differing = new ArrayList<>();
      for (List<String> args : REQUESTS) {
        String libvirt = virsh(args);
        String ours = DomainCapabilitiesXml.format(DomCaps.answer(request(args), options)) + "\n\n";
        if (!ours.equals(libvirt)) {
          differing.add(String.join(" ", args) + ": "
              + TextComparison.firstDifference(libvirt, ours).orElse(""));
        }
      }
      assertThat(differing).isEmpty();
    }
  }

  private static DomCapsRequest request(List<String> args) {
    DomCapsRequest r = DomCapsRequest.defaults();
    for (int i = 0; i < args.size(); i += 2) {
      String v = args.get(i + 1);
      r = switch (args.get(i)) {
        case "--virttype" -> r.withVirtType(v);
        case "--arch" -> r.withArch(v);
        case "--machine" -> r.withMachine(v);
        default -> throw new IllegalArgumentException(args.get(i));
      };
    }
    return r;
  }

  /** libvirt's stdout for the request, from a fresh embedded driver. */
  private String virsh(List<String> args) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory(tmp, "root");
    StringBuilder script = new StringBuilder();
    if (!userExists()) {
      Path passwd = tmp.resolve("passwd");
      Path group = tmp.resolve("group");
      Files.writeString(passwd, Files.readString(Path.of("/etc/passwd"))
          + "libvirt-qemu:x:0:0:libvirt qemu:/nonexistent:/usr/sbin/nologin\n");
      Files.writeString(group, Files.readString(Path.of("/etc/group")) + "libvirt-qemu:x:0:\n");
      script.append("mount --bind ").append(passwd).append(" /etc/passwd && mount --bind ")
          .append(group).append(" /etc/group && ");
    }
    script.append("exec virsh -c 'qemu:///embed?root=").append(root).append("' domcapabilities");
    for (String a : args) {
      script.append(' ').append(a);
    }
    Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
        script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("virsh finished").isTrue();
    assertThat(p.exitValue()).as("virsh " + args + " exit status").isZero();
    return out;
  }

  private static boolean userExists() throws IOException {
    return Files.readAllLines(Path.of("/etc/passwd")).stream()
        .anyMatch(l -> l.startsWith("libvirt-qemu:"));
  }
}

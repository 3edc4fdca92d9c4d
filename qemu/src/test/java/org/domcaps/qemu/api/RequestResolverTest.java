// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domcaps.qemu.build.ResolvedRequest;
import org.domcaps.qemu.caps.Accel;
import org.domcaps.qemu.caps.AccelCaps;
import org.domcaps.qemu.caps.MachineType;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.testing.Executables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestResolverTest {
  @TempDir Path bin;

  private static MachineType machine(String name, String alias, int max) {
    return new MachineType(name, alias, false, max, false, null, true, null, false);
  }

  private static AccelCaps record(MachineType... ms) {
    return new AccelCaps(Optional.empty(), List.of(), List.of(ms));
  }

  private static QemuCaps x86(String emulator, boolean kvm) {
    AccelCaps r = record(machine("pc-i440fx-7.2", "pc", 255), machine("pc-q35-7.2", "q35", 288),
        machine("isapc", null, 1));
    QemuCaps.Builder b = QemuCaps.builder().emulator(emulator).arch("x86_64").flag("tcg")
        .accel(Accel.TCG, r);
    if (kvm) {
      b.flag("kvm").accel(Accel.KVM, r);
    }
    return b.build();
  }

  private static QemuCaps aarch64(String emulator) {
    return QemuCaps.builder().emulator(emulator).arch("aarch64").flag("tcg")
        .accel(Accel.TCG,
            record(machine("integratorcp", null, 1), machine("virt-7.2", "virt", 512)))
        .build();
  }

  private Path executable(String name) throws IOException {
    return Executables.write(bin.resolve(name), "#!/bin/sh\n");
  }

  /** Default emulators are the files of {@code bin} named qemu-system-ARCH (i686 falls back). */
  private RequestResolver resolver(String hostArch, Map<String, QemuCaps> byBinary) {
    return new RequestResolver(hostArch, arch -> {
      for (String name : arch.equals("i686") ? List.of("i386", "x86_64") : List.of(arch)) {
        Path p = bin.resolve("qemu-system-" + name);
        if (Files.isExecutable(p)) {
          return Optional.of(p.toString());
        }
      }
      return Optional.empty();
    }, b -> {
      QemuCaps c = byBinary.get(b);
      if (c == null) {
        throw new DomCapsException(DomCapsException.Code.SYSTEM_ERROR,
            "Cannot check QEMU binary " + b + ": No such file or directory");
      }
      return c;
    });
  }

  private RequestResolver x86Host(boolean kvm) throws IOException {
    String x = executable("qemu-system-x86_64").toString();
    String a = executable("qemu-system-aarch64").toString();
    return resolver("x86_64", Map.of(x, x86(x, kvm), a, aarch64(a)));
  }

  private static String refusal(RequestResolver r, DomCapsRequest q) {
    try {
      r.resolve(q);
    } catch (DomCapsException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + q);
  }

  @Test
  void defaultsFollowTheHostAndTheBinary() throws Exception {
    ResolvedRequest r = x86Host(true).resolve(DomCapsRequest.defaults());
    assertThat(r.emulator()).isEqualTo(bin.resolve("qemu-system-x86_64").toString());
    assertThat(r.arch()).isEqualTo("x86_64");
    assertThat(r.virtType()).isEqualTo("kvm");
    assertThat(r.machine()).isEqualTo("pc-i440fx-7.2");
  }

  @Test
  void noneMeansTheBinarysOwnTypeAndAliasesBecomeCanonical() throws Exception {
    RequestResolver r = x86Host(false);
    ResolvedRequest q =
        r.resolve(DomCapsRequest.defaults().withVirtType("none").withMachine("q35"));
    assertThat(q.virtType()).isEqualTo("qemu");
    assertThat(q.machine()).isEqualTo("pc-q35-7.2");
  }

  @Test
  void i686IsServedByTheX86_64BinaryWhenNoI386Exists() throws Exception {
    ResolvedRequest q = x86Host(true).resolve(DomCapsRequest.defaults().withArch("i686"));
    assertThat(q.emulator()).endsWith("/qemu-system-x86_64");
    assertThat(q.arch()).isEqualTo("i686");
  }

  @Test
  void refusalsCarryLibvirtsWords() throws Exception {
    RequestResolver r = x86Host(false);
    String x = bin.resolve("qemu-system-x86_64").toString();
    String a = bin.resolve("qemu-system-aarch64").toString();
    DomCapsRequest q = DomCapsRequest.defaults();
    assertThat(refusal(r, q.withVirtType("nosuchtype")))
        .isEqualTo("invalid argument: unknown virttype: nosuchtype");
    assertThat(refusal(r, q.withVirtType("qemu").withArch("nosucharch")))
        .isEqualTo("invalid argument: unknown architecture: nosucharch");
    assertThat(refusal(r, q.withArch("mips")))
        .isEqualTo(
            "unsupported configuration: unable to find any emulator to serve 'mips' architecture");
    assertThat(refusal(r, q.withVirtType("kvm").withArch("x86_64")))
        .isEqualTo("invalid argument: the accel 'kvm' is not supported by '" + x
            + "' on this host");
    assertThat(refusal(r, q.withVirtType("xen")))
        .isEqualTo("invalid argument: the accel 'tcg' is not supported by '" + x
            + "' on this host");
    assertThat(refusal(r, q.withVirtType("qemu").withMachine("virt")))
        .isEqualTo("invalid argument: the machine 'virt' is not supported by emulator '" + x + "'");
    assertThat(refusal(r, q.withVirtType("qemu").withEmulatorBin(a).withArch("x86_64")))
        .isEqualTo(
            "invalid argument: architecture from emulator 'aarch64' doesn't match given "
                + "architecture 'x86_64'");
    assertThat(refusal(r, q.withVirtType("qemu").withEmulatorBin(a).withArch("armv6l")))
        .isEqualTo("invalid argument: Emulator '" + a + "' does not support arch 'armv6l'");
  }

  @Test
  void aKvmBinaryRefusesOtherAcceleratorsLater() throws Exception {
    String x = bin.resolve("qemu-system-x86_64").toString();
    assertThat(refusal(x86Host(true), DomCapsRequest.defaults().withVirtType("xen")))
        .isEqualTo("invalid argument: Emulator '" + x + "' does not support virt type 'xen'");
  }

  @Test
  void noDefaultArchGivesNullInTheMessage() throws Exception {
    RequestResolver r = resolver("x86_64", Map.of());
    assertThat(refusal(r, DomCapsRequest.defaults()))
        .isEqualTo("unsupported configuration: unable to find any emulator to serve '(null)' "
            + "architecture");
  }

  @Test
  void unknownArchMachineListIsRefusedAfterResolution() throws Exception {
    String e = executable("qemu-system-x86_64").toString();
    QemuCaps empty = QemuCaps.builder().emulator(e).arch("x86_64").flag("tcg").build();
    assertThat(refusal(resolver("x86_64", Map.of(e, empty)), DomCapsRequest.defaults()))
        .isEqualTo("unsupported configuration: Emulator '" + e
            + "' does not support machine type '<null>'");
  }

  @Test
  void unresolvedBinaryFailsTheLookup() {
    assertThatThrownBy(() -> resolver("x86_64", Map.of())
        .resolve(DomCapsRequest.defaults().withEmulatorBin("/usr/bin/nosuch-qemu")))
        .hasMessage("Cannot check QEMU binary /usr/bin/nosuch-qemu: No such file or directory");
  }
}

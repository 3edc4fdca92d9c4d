// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.build;
import org.domcaps.model.LibvirtVersion;

import java.util.Optional;
import org.domcaps.model.Capability;
import org.domcaps.model.CapsEnum;
import org.domcaps.model.Cpu;
import org.domcaps.model.DomainCapabilities;
import org.domcaps.model.Loader;
import org.domcaps.model.Os;
import org.domcaps.model.Supported;
import org.domcaps.qemu.caps.QemuCaps;
import org.domcaps.qemu.firmware.OsFirmwareCapabilities;

/**
 * Assembles the domain capabilities document the way libvirt 9.0.0's virQEMUCapsFillDomainCaps
 * does: every element from the binary's capabilities, the resolved request and the host facts.
 * Pure: all inputs are values, nothing is read from the host here.
 */
public final class DomainCapsBuilder {
  private DomainCapsBuilder() {}

  /**
   * @param request the resolved request (binary, arch, virt type, canonical machine, capabilities)
   * @param facts host facts for the fill
   * @param firmware firmware kinds and loader values for the request's machine and arch
   * @param cpu the {@code <cpu>} element, or empty to leave it out
   */
  public static DomainCapabilities build(
      ResolvedRequest request, FillFacts facts, OsFirmwareCapabilities firmware,
      Optional<Cpu> cpu) {
    QemuCaps caps = request.caps();
    DomainCapabilities.Builder b = DomainCapabilities.builder()
        .path(request.emulator())
        .domain(request.virtType())
        .machine(request.machine())
        .arch(request.arch())
        // 11.3 reports iothreads unconditionally (its flag was retired: every QEMU has them).
        .iothreads(Supported.of(since11(caps) || caps.has("iothread")))
        .os(os(firmware))
        .memoryBacking(memoryBacking(caps))
        .devices(DeviceFill.devices(caps, request.machine(), facts))
        .features(FeatureFill.features(request, facts));
    int vcpus = maxVcpus(request, facts);
    if (vcpus > 0) {
      b.vcpuMax(vcpus);
    }
    cpu.ifPresent(b::cpu);
    return b.build();
  }

  /** The capabilities come from libvirt 11.3's probe: fill as 11.3 does. */
  static boolean since11(QemuCaps caps) {
    return caps.libvirt().atLeast(LibvirtVersion.V11_3);
  }

  /** The machine's cpu-max in the virt type's record, capped by KVM's limit for kvm. */
  static int maxVcpus(ResolvedRequest request, FillFacts facts) {
    int n = Machines.maxCpus(request.caps(), request.virtType(), request.machine());
    if (VirtType.KVM.equals(request.virtType())) {
      n = Math.min(n, facts.kvmMaxVcpus());
    }
    return n;
  }

  static Os os(OsFirmwareCapabilities fw) {
    if (!fw.supported()) {
      return Os.unsupported();
    }
    Loader loader = Loader.unsupported();
    if (fw.loaderSupported()) {
      Loader.Builder l = Loader.builder();
      fw.loaderValues().forEach(l::path);
      l.values("type", fw.loaderTypes().toArray(String[]::new));
      l.values("readonly", fw.loaderReadonly().toArray(String[]::new));
      l.values("secure", fw.loaderSecure().toArray(String[]::new));
      loader = l.build();
    }
    return Os.supported(loader, CapsEnum.of("firmware", fw.firmware()));
  }

  static Capability memoryBacking(QemuCaps caps) {
    Enumeration source = new Enumeration("sourceType").add("file").add("anonymous")
        .addIf(caps.has("memory-backend-memfd"), "memfd");
    return Capability.supported(source.build());
  }

  /** Convenience for building one enum in libvirt's value order. */
  static final class Enumeration {
    private final String name;
    private final java.util.List<String> values = new java.util.ArrayList<>();

    Enumeration(String name) {
      this.name = name;
    }

    Enumeration add(String value) {
      values.add(value);
      return this;
    }

    Enumeration addIf(boolean condition, String value) {
      if (condition) {
        values.add(value);
      }
      return this;
    }

    boolean isEmpty() {
      return values.isEmpty();
    }

    CapsEnum build() {
      return CapsEnum.of(name, values);
    }
  }
}

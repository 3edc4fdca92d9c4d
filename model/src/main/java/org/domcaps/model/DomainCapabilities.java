// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * libvirt 9.0.0's {@code <domainCapabilities>} document (virDomainCaps). Members follow the
 * document order. {@code cpu} is optional only so that documents without {@code <cpu>} read
 * faithfully; libvirt itself always prints it. An absent os, memoryBacking, device or feature is
 * "not reported", never "no".
 */
public record DomainCapabilities(
    String path,
    String domain,
    Optional<String> machine,
    String arch,
    OptionalInt vcpuMax,
    Supported iothreads,
    Os os,
    Optional<Cpu> cpu,
    Capability memoryBacking,
    Devices devices,
    Features features) {
  public DomainCapabilities {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(vcpuMax, "vcpuMax");
    Objects.requireNonNull(iothreads, "iothreads");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memoryBacking, "memoryBacking");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(features, "features");
    // libvirt prints <vcpu> only for a non-zero maximum, so zero cannot be represented.
    if (vcpuMax.isPresent() && vcpuMax.getAsInt() <= 0) {
      throw new IllegalArgumentException("vcpu max must be positive, was " + vcpuMax.getAsInt());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().path(path).domain(domain).machine(machine.orElse(null)).arch(arch)
        .iothreads(iothreads).os(os).cpu(cpu.orElse(null)).memoryBacking(memoryBacking)
        .devices(devices).features(features);
    vcpuMax.ifPresent(b::vcpuMax);
    return b;
  }

  /**
   * Defaults: no machine, no vcpu, iothreads/os/memoryBacking absent, no cpu, no devices or
   * features reported. path, domain and arch are required.
   */
  public static final class Builder {
    private String path;
    private String domain;
    private String machine;
    private String arch;
    private OptionalInt vcpuMax = OptionalInt.empty();
    private Supported iothreads = Supported.ABSENT;
    private Os os = Os.absent();
    private Cpu cpu;
    private Capability memoryBacking = Capability.absent();
    private Devices devices = Devices.none();
    private Features features = Features.none();

    private Builder() {}

    /** The emulator binary. */
    public Builder path(String v) {
      path = v;
      return this;
    }

    /** The virt type: qemu, kvm, ... */
    public Builder domain(String v) {
      domain = v;
      return this;
    }

    /** The machine type; null for none. */
    public Builder machine(String v) {
      machine = v;
      return this;
    }

    public Builder arch(String v) {
      arch = v;
      return this;
    }

    public Builder vcpuMax(int v) {
      vcpuMax = OptionalInt.of(v);
      return this;
    }

    public Builder noVcpuMax() {
      vcpuMax = OptionalInt.empty();
      return this;
    }

    public Builder iothreads(Supported v) {
      iothreads = v;
      return this;
    }

    public Builder os(Os v) {
      os = v;
      return this;
    }

    /** Null for a document without {@code <cpu>}. */
    public Builder cpu(Cpu v) {
      cpu = v;
      return this;
    }

    public Builder memoryBacking(Capability v) {
      memoryBacking = v;
      return this;
    }

    public Builder devices(Devices v) {
      devices = v;
      return this;
    }

    public Builder features(Features v) {
      features = v;
      return this;
    }

    public DomainCapabilities build() {
      return new DomainCapabilities(path, domain, Optional.ofNullable(machine), arch, vcpuMax,
          iothreads, os, Optional.ofNullable(cpu), memoryBacking, devices, features);
    }
  }
}

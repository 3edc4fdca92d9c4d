// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code <domainCapabilities>} document of any libvirt release from 9.0.0 to 12.8
 * (virDomainCaps). Members follow the document order. {@code cpu} is optional only so that
 * documents without {@code <cpu>} read faithfully; libvirt itself always prints it. An absent os,
 * memoryBacking, device or feature is "not reported", never "no". What a newer libvirt prints
 * that the model does not know is kept in {@link #unknown()}. Built with {@link #builder()};
 * immutable.
 */
public final class DomainCapabilities {
  private final String path;
  private final String domain;
  private final Optional<String> machine;
  private final String arch;
  private final OptionalInt vcpuMax;
  private final Supported iothreads;
  private final Os os;
  private final Optional<Cpu> cpu;
  private final Capability memoryBacking;
  private final Devices devices;
  private final Features features;
  private final UnknownContent unknown;

  private DomainCapabilities(Builder b) {
    path = Objects.requireNonNull(b.path, "path");
    domain = Objects.requireNonNull(b.domain, "domain");
    machine = Optional.ofNullable(b.machine);
    arch = Objects.requireNonNull(b.arch, "arch");
    vcpuMax = Objects.requireNonNull(b.vcpuMax, "vcpuMax");
    iothreads = Objects.requireNonNull(b.iothreads, "iothreads");
    os = Objects.requireNonNull(b.os, "os");
    cpu = Optional.ofNullable(b.cpu);
    memoryBacking = Objects.requireNonNull(b.memoryBacking, "memoryBacking");
    devices = Objects.requireNonNull(b.devices, "devices");
    features = Objects.requireNonNull(b.features, "features");
    unknown = Objects.requireNonNull(b.unknown, "unknown");
    // libvirt prints <vcpu> only for a non-zero maximum, so zero cannot be represented.
    if (vcpuMax.isPresent() && vcpuMax.getAsInt() <= 0) {
      throw new IllegalArgumentException("vcpu max must be positive, was " + vcpuMax.getAsInt());
    }
  }

  /** The emulator binary. */
  public String path() {
    return path;
  }

  /** The virt type: qemu, kvm, ... */
  public String domain() {
    return domain;
  }

  public Optional<String> machine() {
    return machine;
  }

  public String arch() {
    return arch;
  }

  public OptionalInt vcpuMax() {
    return vcpuMax;
  }

  public Supported iothreads() {
    return iothreads;
  }

  public Os os() {
    return os;
  }

  public Optional<Cpu> cpu() {
    return cpu;
  }

  public Capability memoryBacking() {
    return memoryBacking;
  }

  public Devices devices() {
    return devices;
  }

  public Features features() {
    return features;
  }

  /** What the document held that this model does not know, each part with its place. */
  public UnknownContent unknown() {
    return unknown;
  }

  private List<Object> components() {
    return List.of(path, domain, machine, arch, vcpuMax, iothreads, os, cpu, memoryBacking,
        devices, features, unknown);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainCapabilities d && d.components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  @Override
  public String toString() {
    return "DomainCapabilities" + components();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().path(path).domain(domain).machine(machine.orElse(null)).arch(arch)
        .iothreads(iothreads).os(os).cpu(cpu.orElse(null)).memoryBacking(memoryBacking)
        .devices(devices).features(features).unknown(unknown);
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
    private UnknownContent unknown = UnknownContent.none();

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

    /** Content the model does not know, kept for the writers (none by default). */
    public Builder unknown(UnknownContent v) {
      unknown = v;
      return this;
    }

    public DomainCapabilities build() {
      return new DomainCapabilities(this);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.probe;

import java.util.Objects;
import org.domcaps.model.LibvirtVersion;
import java.util.Optional;

/**
 * What a probe records that does not come from QMP: the binary's identity and the host facts
 * libvirt stores beside the capabilities (spec qmp-probe §0, §1.1). The live probe fills them from
 * the host; a replay of libvirt's test data uses the test values of spec §4.3 (all zero / absent,
 * except the fake microcode version).
 *
 * <p>Host facts are stored in the result only when the probe found an accelerator, exactly as
 * libvirt does: microcode version, host CPU signature, kernel version and CPUID data when KVM (or
 * HVF) was used; the nesting and secure-guest facts only when KVM was used.
 */
public final class ProbeContext {
  private final String binary;
  private final String hostArch;
  private final long qemuCtime;
  private final Long qemuModDirMtime;
  private final long selfCtime;
  private final long selfVersion;
  private final long microcodeVersion;
  private final String hostCpuSignature;
  private final String kernelVersion;
  private final String cpuDataXml;
  private final boolean kvmSupportsNesting;
  private final boolean kvmSupportsSecureGuest;
  private final LibvirtVersion libvirt;
  private final boolean hvfAvailable;

  private ProbeContext(Builder b) {
    this.binary = Objects.requireNonNull(b.binary, "binary");
    this.hostArch = b.hostArch;
    this.qemuCtime = b.qemuCtime;
    this.qemuModDirMtime = b.qemuModDirMtime;
    this.selfCtime = b.selfCtime;
    this.selfVersion = b.selfVersion;
    this.microcodeVersion = b.microcodeVersion;
    this.hostCpuSignature = b.hostCpuSignature;
    this.kernelVersion = b.kernelVersion;
    this.cpuDataXml = b.cpuDataXml;
    this.kvmSupportsNesting = b.kvmSupportsNesting;
    this.kvmSupportsSecureGuest = b.kvmSupportsSecureGuest;
    this.libvirt = b.libvirt;
    this.hvfAvailable = b.hvfAvailable;
  }

  /** A context with only the binary path set (every host fact zero or absent). */
  public static Builder builder(String binary) {
    return new Builder().binary(binary);
  }

  /** Binary path as given; written as {@code <emulator>}. */
  public String binary() { return binary; }
  /** libvirt arch name of the host, empty when unknown (libvirt's tests use the guest arch). */
  public Optional<String> hostArch() { return Optional.ofNullable(hostArch); }
  /** st_ctime of the binary, seconds. */
  public long qemuCtime() { return qemuCtime; }
  /** mtime of QEMU's module directory, empty when it does not exist. */
  public Optional<Long> qemuModDirMtime() { return Optional.ofNullable(qemuModDirMtime); }
  /** libvirt's own ctime ({@code selfctime}). */
  public long selfCtime() { return selfCtime; }
  /** libvirt's version number ({@code selfvers}, 9000000 for 9.0.0; 0 in libvirt's tests). */
  public long selfVersion() { return selfVersion; }
  public long microcodeVersion() { return microcodeVersion; }
  public Optional<String> hostCpuSignature() { return Optional.ofNullable(hostCpuSignature); }
  /** "release version" of the running kernel (uname). */
  public Optional<String> kernelVersion() { return Optional.ofNullable(kernelVersion); }
  /** libvirt's {@code <cpudata>} fragment of the host CPUID, verbatim. */
  public Optional<String> cpuDataXml() { return Optional.ofNullable(cpuDataXml); }
  public boolean kvmSupportsNesting() { return kvmSupportsNesting; }
  public boolean kvmSupportsSecureGuest() { return kvmSupportsSecureGuest; }
  /** The libvirt release whose questions the probe asks (9.0.0 unless set). */
  public LibvirtVersion libvirt() { return libvirt; }
  /** macOS's Hypervisor.framework is usable for the binary's arch (never on Linux). */
  public boolean hvfAvailable() { return hvfAvailable; }

  /** Builder for {@link ProbeContext}. */
  public static final class Builder {
    private String binary;
    private String hostArch;
    private long qemuCtime;
    private Long qemuModDirMtime;
    private long selfCtime;
    private long selfVersion;
    private long microcodeVersion;
    private String hostCpuSignature;
    private String kernelVersion;
    private String cpuDataXml;
    private boolean kvmSupportsNesting;
    private boolean kvmSupportsSecureGuest;
    private LibvirtVersion libvirt = LibvirtVersion.V9_0;
    private boolean hvfAvailable;

    private Builder() {}

    public Builder binary(String v) { binary = v; return this; }
    public Builder hostArch(String v) { hostArch = v; return this; }
    public Builder qemuCtime(long v) { qemuCtime = v; return this; }
    public Builder qemuModDirMtime(Long v) { qemuModDirMtime = v; return this; }
    public Builder selfCtime(long v) { selfCtime = v; return this; }
    public Builder selfVersion(long v) { selfVersion = v; return this; }
    public Builder microcodeVersion(long v) { microcodeVersion = v; return this; }
    public Builder hostCpuSignature(String v) { hostCpuSignature = v; return this; }
    public Builder kernelVersion(String v) { kernelVersion = v; return this; }
    public Builder cpuDataXml(String v) { cpuDataXml = v; return this; }
    public Builder kvmSupportsNesting(boolean v) { kvmSupportsNesting = v; return this; }
    public Builder kvmSupportsSecureGuest(boolean v) { kvmSupportsSecureGuest = v; return this; }

    public Builder libvirt(LibvirtVersion v) {
      libvirt = Objects.requireNonNull(v, "libvirt");
      return this;
    }

    public Builder hvfAvailable(boolean v) { hvfAvailable = v; return this; }

    public ProbeContext build() {
      return new ProbeContext(this);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.caps;

import org.domcaps.model.LibvirtVersion;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What libvirt ({@link #libvirt()}: 9.0.0 or 11.3.0) knows about one QEMU binary after probing it:
 * libvirt's {@code virQEMUCaps}
 * and the content of its capability-cache file. Immutable; build with {@link #builder()}.
 *
 * <p>Flags are libvirt's capability names ({@code "kvm"}, {@code "virtio-scsi-pci"}, ...). The
 * set's iteration order is insertion order; the cache writer orders them by libvirt's flag index.
 */
public final class QemuCaps {
  private final String emulator;
  private final long qemuCtime;
  private final Long qemuModDirMtime;
  private final long selfCtime;
  private final long selfVersion;
  private final Set<String> flags;
  private final long version;
  private final long kvmVersion;
  private final long microcodeVersion;
  private final String hostCpuSignature;
  private final String packageName;
  private final String kernelVersion;
  private final String cpuDataXml;
  private final String arch;
  private final Map<Accel, AccelCaps> accels;
  private final List<GicCapability> gic;
  private final SevCapability sev;
  private final SgxCapability sgx;
  private final HypervCapability hyperv;
  private final boolean kvmSupportsNesting;
  private final boolean kvmSupportsSecureGuest;
  private final LibvirtVersion libvirt;

  private QemuCaps(Builder b) {
    this.emulator = b.emulator;
    this.qemuCtime = b.qemuCtime;
    this.qemuModDirMtime = b.qemuModDirMtime;
    this.selfCtime = b.selfCtime;
    this.selfVersion = b.selfVersion;
    this.flags = Collections.unmodifiableSet(new LinkedHashSet<>(b.flags));
    this.version = b.version;
    this.kvmVersion = b.kvmVersion;
    this.microcodeVersion = b.microcodeVersion;
    this.hostCpuSignature = b.hostCpuSignature;
    this.packageName = b.packageName;
    this.kernelVersion = b.kernelVersion;
    this.cpuDataXml = b.cpuDataXml;
    this.arch = b.arch;
    this.accels = Collections.unmodifiableMap(new EnumMap<>(b.accels));
    this.gic = List.copyOf(b.gic);
    this.sev = b.sev;
    this.sgx = b.sgx;
    this.hyperv = b.hyperv;
    this.kvmSupportsNesting = b.kvmSupportsNesting;
    this.kvmSupportsSecureGuest = b.kvmSupportsSecureGuest;
    this.libvirt = b.libvirt;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.emulator = emulator;
    b.qemuCtime = qemuCtime;
    b.qemuModDirMtime = qemuModDirMtime;
    b.selfCtime = selfCtime;
    b.selfVersion = selfVersion;
    b.flags.addAll(flags);
    b.version = version;
    b.kvmVersion = kvmVersion;
    b.microcodeVersion = microcodeVersion;
    b.hostCpuSignature = hostCpuSignature;
    b.packageName = packageName;
    b.kernelVersion = kernelVersion;
    b.cpuDataXml = cpuDataXml;
    b.arch = arch;
    b.accels.putAll(accels);
    b.gic = gic;
    b.sev = sev;
    b.sgx = sgx;
    b.hyperv = hyperv;
    b.kvmSupportsNesting = kvmSupportsNesting;
    b.kvmSupportsSecureGuest = kvmSupportsSecureGuest;
    b.libvirt = libvirt;
    return b;
  }

  /** Binary path as given to the probe. */
  public String emulator() { return emulator; }
  public long qemuCtime() { return qemuCtime; }
  /** mtime of QEMU's module directory, empty when it does not exist. */
  public Optional<Long> qemuModDirMtime() { return Optional.ofNullable(qemuModDirMtime); }
  public long selfCtime() { return selfCtime; }
  public long selfVersion() { return selfVersion; }
  public Set<String> flags() { return flags; }
  public boolean has(String flag) { return flags.contains(flag); }
  /** major * 1 000 000 + minor * 1 000 + micro. */
  public long version() { return version; }
  public long kvmVersion() { return kvmVersion; }
  public long microcodeVersion() { return microcodeVersion; }
  public Optional<String> hostCpuSignature() { return Optional.ofNullable(hostCpuSignature); }
  public Optional<String> packageName() { return Optional.ofNullable(packageName); }
  public Optional<String> kernelVersion() { return Optional.ofNullable(kernelVersion); }
  /**
   * libvirt's {@code <cpudata>} fragment for the host CPUID when recorded: the text
   * virCPUDataFormat
   * produces ({@code <cpudata arch='x86'>} ... {@code </cpudata>}, two-space indented children),
   * without the cache file's own indentation and without a trailing newline.
   */
  public Optional<String> cpuDataXml() { return Optional.ofNullable(cpuDataXml); }
  /** libvirt arch name of the emulator's target. */
  public String arch() { return arch; }
  public Map<Accel, AccelCaps> accels() { return accels; }
  /** The accelerator record, empty when the probe produced none. */
  public AccelCaps accel(Accel a) { return accels.getOrDefault(a, AccelCaps.empty()); }
  public List<GicCapability> gic() { return gic; }
  public Optional<SevCapability> sev() { return Optional.ofNullable(sev); }
  public Optional<SgxCapability> sgx() { return Optional.ofNullable(sgx); }
  public Optional<HypervCapability> hyperv() { return Optional.ofNullable(hyperv); }
  public boolean kvmSupportsNesting() { return kvmSupportsNesting; }
  public boolean kvmSupportsSecureGuest() { return kvmSupportsSecureGuest; }
  /**
   * The libvirt release whose probe produced these capabilities: it decides which flags exist,
   * the cache format and how the document is filled. 9.0.0 unless set.
   */
  public LibvirtVersion libvirt() { return libvirt; }

  /** Builder for {@link QemuCaps}. */
  public static final class Builder {
    private String emulator;
    private long qemuCtime;
    private Long qemuModDirMtime;
    private long selfCtime;
    private long selfVersion;
    private final Set<String> flags = new LinkedHashSet<>();
    private long version;
    private long kvmVersion;
    private long microcodeVersion;
    private String hostCpuSignature;
    private String packageName;
    private String kernelVersion;
    private String cpuDataXml;
    private String arch;
    private final Map<Accel, AccelCaps> accels = new EnumMap<>(Accel.class);
    private List<GicCapability> gic = List.of();
    private SevCapability sev;
    private SgxCapability sgx;
    private HypervCapability hyperv;
    private boolean kvmSupportsNesting;
    private boolean kvmSupportsSecureGuest;
    private LibvirtVersion libvirt = LibvirtVersion.V9_0;

    private Builder() {}

    public Builder emulator(String v) { emulator = v; return this; }
    public Builder qemuCtime(long v) { qemuCtime = v; return this; }
    public Builder qemuModDirMtime(Long v) { qemuModDirMtime = v; return this; }
    public Builder selfCtime(long v) { selfCtime = v; return this; }
    public Builder selfVersion(long v) { selfVersion = v; return this; }
    public Builder flag(String f) { flags.add(f); return this; }
    public Builder clearFlag(String f) { flags.remove(f); return this; }
    public Builder version(long v) { version = v; return this; }
    public Builder kvmVersion(long v) { kvmVersion = v; return this; }
    public Builder microcodeVersion(long v) { microcodeVersion = v; return this; }
    public Builder hostCpuSignature(String v) { hostCpuSignature = v; return this; }
    public Builder packageName(String v) { packageName = v; return this; }
    public Builder kernelVersion(String v) { kernelVersion = v; return this; }
    public Builder cpuDataXml(String v) { cpuDataXml = v; return this; }
    public Builder arch(String v) { arch = v; return this; }
    public Builder accel(Accel a, AccelCaps c) { accels.put(a, c); return this; }
    public Builder gic(List<GicCapability> v) { gic = List.copyOf(v); return this; }
    public Builder sev(SevCapability v) { sev = v; return this; }
    public Builder sgx(SgxCapability v) { sgx = v; return this; }
    public Builder hyperv(HypervCapability v) { hyperv = v; return this; }
    public Builder kvmSupportsNesting(boolean v) { kvmSupportsNesting = v; return this; }
    public Builder kvmSupportsSecureGuest(boolean v) { kvmSupportsSecureGuest = v; return this; }

    public Builder libvirt(LibvirtVersion v) {
      libvirt = java.util.Objects.requireNonNull(v, "libvirt");
      return this;
    }

    public QemuCaps build() {
      if (emulator == null || arch == null) {
        throw new IllegalStateException("QEMU capabilities need an emulator and an arch");
      }
      return new QemuCaps(this);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.domcaps.qemu.caps.QemuCaps;

/**
 * Host facts where some answers are fixed and the rest come from a base (usually {@link
 * LiveHostFacts}). Built with {@link HostFacts#overriding(HostFacts)}.
 */
public final class OverriddenHostFacts implements HostFacts {
  private final Supplier<String> arch;
  private final Supplier<Boolean> privileged;
  private final Supplier<Boolean> kvmUsable;
  private final Supplier<Integer> kvmMaxVcpus;
  private final Supplier<Boolean> kvmNesting;
  private final Supplier<Boolean> vfioUsable;
  private final Function<QemuCaps, List<String>> pciBackends;
  private final Supplier<Boolean> secureGuest;
  private final Supplier<SevHost> sev;
  private final Supplier<SevGuestLimits> sevGuestLimits;
  private final Supplier<Swtpm> swtpm;
  private final Function<String, Optional<String>> defaultEmulator;

  private OverriddenHostFacts(Builder b) {
    arch = b.arch;
    privileged = b.privileged;
    kvmUsable = b.kvmUsable;
    kvmMaxVcpus = b.kvmMaxVcpus;
    kvmNesting = b.kvmNesting;
    vfioUsable = b.vfioUsable;
    pciBackends = b.pciBackends;
    secureGuest = b.secureGuest;
    sev = b.sev;
    sevGuestLimits = b.sevGuestLimits;
    swtpm = b.swtpm;
    defaultEmulator = b.defaultEmulator;
  }

  @Override public String arch() { return arch.get(); }
  @Override public boolean privileged() { return privileged.get(); }
  @Override public boolean kvmUsable() { return kvmUsable.get(); }
  @Override public int kvmMaxVcpus() { return kvmMaxVcpus.get(); }
  @Override public boolean kvmNestingEnabled() { return kvmNesting.get(); }
  @Override public boolean vfioUsable() { return vfioUsable.get(); }
  @Override public List<String> pciBackends(QemuCaps caps) { return pciBackends.apply(caps); }
  @Override public boolean kvmSupportsSecureGuest() { return secureGuest.get(); }
  @Override public SevHost sev() { return sev.get(); }
  @Override public SevGuestLimits sevGuestLimits() { return sevGuestLimits.get(); }
  @Override public Swtpm swtpm() { return swtpm.get(); }

  @Override
  public Optional<String> defaultEmulator(String guestArch) {
    return defaultEmulator.apply(guestArch);
  }

  /** Replaces facts of a base; every fact not set is asked of the base. */
  public static final class Builder {
    private Supplier<String> arch;
    private Supplier<Boolean> privileged;
    private Supplier<Boolean> kvmUsable;
    private Supplier<Integer> kvmMaxVcpus;
    private Supplier<Boolean> kvmNesting;
    private Supplier<Boolean> vfioUsable;
    private Function<QemuCaps, List<String>> pciBackends;
    private Supplier<Boolean> secureGuest;
    private Supplier<SevHost> sev;
    private Supplier<SevGuestLimits> sevGuestLimits;
    private Supplier<Swtpm> swtpm;
    private Function<String, Optional<String>> defaultEmulator;
    /** The base's own rule, used unless pciBackends or vfioUsable is overridden. */
    private final Function<QemuCaps, List<String>> basePciBackends;
    private boolean vfioOverridden;

    Builder(HostFacts base) {
      Objects.requireNonNull(base, "base");
      arch = base::arch;
      privileged = base::privileged;
      kvmUsable = base::kvmUsable;
      kvmMaxVcpus = base::kvmMaxVcpus;
      kvmNesting = base::kvmNestingEnabled;
      vfioUsable = base::vfioUsable;
      secureGuest = base::kvmSupportsSecureGuest;
      sev = base::sev;
      sevGuestLimits = base::sevGuestLimits;
      swtpm = base::swtpm;
      defaultEmulator = base::defaultEmulator;
      basePciBackends = base::pciBackends;
    }

    public Builder arch(String v) { arch = () -> v; return this; }
    public Builder privileged(boolean v) { privileged = () -> v; return this; }
    public Builder kvmUsable(boolean v) { kvmUsable = () -> v; return this; }
    public Builder kvmMaxVcpus(int v) { kvmMaxVcpus = () -> v; return this; }
    public Builder kvmNestingEnabled(boolean v) { kvmNesting = () -> v; return this; }

    /** Fixes the host side of VFIO; pciBackends then follow libvirt's rule with this value. */
    public Builder vfioUsable(boolean v) {
      vfioUsable = () -> v;
      vfioOverridden = true;
      return this;
    }

    /** Fixes the pciBackend values whatever the emulator (libvirt's tests force default, vfio). */
    public Builder pciBackends(List<String> v) {
      List<String> copy = List.copyOf(v);
      pciBackends = caps -> copy;
      return this;
    }

    public Builder kvmSupportsSecureGuest(boolean v) { secureGuest = () -> v; return this; }
    public Builder sev(SevHost v) { sev = () -> v; return this; }
    public Builder sevGuestLimits(SevGuestLimits v) { sevGuestLimits = () -> v; return this; }
    public Builder swtpm(Swtpm v) { swtpm = () -> v; return this; }

    /** Fixes the emulator returned for every guest arch (empty: none found). */
    public Builder defaultEmulator(Function<String, Optional<String>> v) {
      defaultEmulator = Objects.requireNonNull(v);
      return this;
    }

    public HostFacts build() {
      if (pciBackends == null) {
        Supplier<Boolean> vfio = vfioUsable;
        pciBackends = vfioOverridden
            ? caps -> vfio.get() && caps.has("vfio-pci") ? List.of("default", "vfio") : List.of()
            : basePciBackends;
      }
      return new OverriddenHostFacts(this);
    }
  }
}

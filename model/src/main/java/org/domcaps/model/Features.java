// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <features>} in libvirt's order: gic, the simple flags (vmcoreinfo, genid,
 * backingStoreInput, backup, async-teardown, s390-pv, ps2, tdx), sev, sgx, hyperv (with its
 * defaults), launchSecurity. Every member is tri-state; the element is omitted when none is
 * reported. async-teardown (9.1), ps2 (10.7), tdx (11.4), launchSecurity (10.5) and hyperv
 * defaults (11.9) came after libvirt 9.0.0. Built with {@link #builder()}; immutable.
 */
public final class Features {
  /** The feature element names, in libvirt's printing order. */
  public static final List<String> NAMES = List.of("gic", "vmcoreinfo", "genid",
      "backingStoreInput", "backup", "async-teardown", "s390-pv", "ps2", "tdx", "sev", "sgx",
      "hyperv", "launchSecurity");
  /** The features that are a lone {@code supported} attribute, in printing order. */
  public static final List<String> FLAGS = List.of("vmcoreinfo", "genid", "backingStoreInput",
      "backup", "async-teardown", "s390-pv", "ps2", "tdx");

  private static final Features NONE = builder().build();

  private final Capability gic;
  private final Supported[] flags;
  private final Sev sev;
  private final Sgx sgx;
  private final Capability hyperv;
  private final Optional<HypervDefaults> hypervDefaults;
  private final Capability launchSecurity;

  private Features(Builder b) {
    gic = b.gic;
    flags = b.flags.clone();
    sev = b.sev;
    sgx = b.sgx;
    hyperv = b.hyperv;
    hypervDefaults = Optional.ofNullable(b.hypervDefaults);
    launchSecurity = b.launchSecurity;
    if (hypervDefaults.isPresent() && hyperv.supported() != Supported.YES) {
      throw new IllegalArgumentException("hyperv defaults need hyperv supported='yes'");
    }
  }

  /** Nothing reported. */
  public static Features none() {
    return NONE;
  }

  /** True when at least one feature is reported (libvirt then prints {@code <features>}). */
  public boolean anyReported() {
    for (Supported s : flags) {
      if (s.isReported()) {
        return true;
      }
    }
    return gic.supported().isReported() || sev.supported().isReported()
        || sgx.supported().isReported() || hyperv.supported().isReported()
        || launchSecurity.supported().isReported();
  }

  public Capability gic() {
    return gic;
  }

  /** The simple feature named {@code name}, one of {@link #FLAGS}. */
  public Supported flag(String name) {
    return flags[flagIndex(name)];
  }

  public Supported vmcoreinfo() {
    return flags[0];
  }

  public Supported genid() {
    return flags[1];
  }

  public Supported backingStoreInput() {
    return flags[2];
  }

  public Supported backup() {
    return flags[3];
  }

  /** {@code <async-teardown>} (libvirt 9.1 and later). */
  public Supported asyncTeardown() {
    return flags[4];
  }

  public Supported s390Pv() {
    return flags[5];
  }

  /** {@code <ps2>} (libvirt 10.7 and later). */
  public Supported ps2() {
    return flags[6];
  }

  /** {@code <tdx>} (libvirt 11.4 and later). */
  public Supported tdx() {
    return flags[7];
  }

  public Sev sev() {
    return sev;
  }

  public Sgx sgx() {
    return sgx;
  }

  public Capability hyperv() {
    return hyperv;
  }

  /** {@code <hyperv><defaults>} (libvirt 11.9 and later), when printed. */
  public Optional<HypervDefaults> hypervDefaults() {
    return hypervDefaults;
  }

  /** {@code <launchSecurity>} with its {@code sectype} enum (libvirt 10.5 and later). */
  public Capability launchSecurity() {
    return launchSecurity;
  }

  /** Every feature absent until set. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().gic(gic).sev(sev).sgx(sgx).hyperv(hyperv)
        .hypervDefaults(hypervDefaults.orElse(null)).launchSecurity(launchSecurity);
    System.arraycopy(flags, 0, b.flags, 0, flags.length);
    return b;
  }

  private static int flagIndex(String name) {
    int i = FLAGS.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("'" + name + "' is not a simple feature (expected one of "
          + FLAGS + ")");
    }
    return i;
  }

  private List<Object> components() {
    return List.of(gic, List.of(flags), sev, sgx, hyperv, hypervDefaults, launchSecurity);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Features f && f.components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  @Override
  public String toString() {
    return "Features" + components();
  }

  /** Collects features; unset ones stay absent. */
  public static final class Builder {
    private Capability gic = Capability.absent();
    private final Supported[] flags = new Supported[FLAGS.size()];
    private Sev sev = Sev.absent();
    private Sgx sgx = Sgx.absent();
    private Capability hyperv = Capability.absent();
    private HypervDefaults hypervDefaults;
    private Capability launchSecurity = Capability.absent();

    private Builder() {
      java.util.Arrays.fill(flags, Supported.ABSENT);
    }

    public Builder gic(Capability v) {
      gic = Objects.requireNonNull(v, "gic");
      return this;
    }

    /** Sets the simple feature {@code name}, one of {@link #FLAGS}. */
    public Builder flag(String name, Supported v) {
      flags[flagIndex(name)] = Objects.requireNonNull(v, name);
      return this;
    }

    public Builder vmcoreinfo(Supported v) {
      return flag("vmcoreinfo", v);
    }

    public Builder genid(Supported v) {
      return flag("genid", v);
    }

    public Builder backingStoreInput(Supported v) {
      return flag("backingStoreInput", v);
    }

    public Builder backup(Supported v) {
      return flag("backup", v);
    }

    public Builder asyncTeardown(Supported v) {
      return flag("async-teardown", v);
    }

    public Builder s390Pv(Supported v) {
      return flag("s390-pv", v);
    }

    public Builder ps2(Supported v) {
      return flag("ps2", v);
    }

    public Builder tdx(Supported v) {
      return flag("tdx", v);
    }

    public Builder sev(Sev v) {
      sev = Objects.requireNonNull(v, "sev");
      return this;
    }

    public Builder sgx(Sgx v) {
      sgx = Objects.requireNonNull(v, "sgx");
      return this;
    }

    public Builder hyperv(Capability v) {
      hyperv = Objects.requireNonNull(v, "hyperv");
      return this;
    }

    /** Null for none. */
    public Builder hypervDefaults(HypervDefaults v) {
      hypervDefaults = v;
      return this;
    }

    public Builder launchSecurity(Capability v) {
      launchSecurity = Objects.requireNonNull(v, "launchSecurity");
      return this;
    }

    public Features build() {
      return new Features(this);
    }
  }
}

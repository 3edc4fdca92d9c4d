// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Objects;

/**
 * {@code <features>} in libvirt 9.0.0's order: gic, the simple flags (vmcoreinfo, genid,
 * backingStoreInput, backup, s390-pv), sev, sgx, hyperv. Every member is tri-state; the element
 * is omitted when none is reported. libvirt 9.0.0 has no async-teardown (it came in 9.1).
 */
public record Features(
    Capability gic,
    Supported vmcoreinfo,
    Supported genid,
    Supported backingStoreInput,
    Supported backup,
    Supported s390Pv,
    Sev sev,
    Sgx sgx,
    Capability hyperv) {
  private static final Features NONE = builder().build();

  public Features {
    Objects.requireNonNull(gic, "gic");
    Objects.requireNonNull(vmcoreinfo, "vmcoreinfo");
    Objects.requireNonNull(genid, "genid");
    Objects.requireNonNull(backingStoreInput, "backingStoreInput");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(s390Pv, "s390Pv");
    Objects.requireNonNull(sev, "sev");
    Objects.requireNonNull(sgx, "sgx");
    Objects.requireNonNull(hyperv, "hyperv");
  }

  /** Nothing reported. */
  public static Features none() {
    return NONE;
  }

  /** True when at least one feature is reported (libvirt then prints {@code <features>}). */
  public boolean anyReported() {
    return gic.supported().isReported() || vmcoreinfo.isReported() || genid.isReported()
        || backingStoreInput.isReported() || backup.isReported() || s390Pv.isReported()
        || sev.supported().isReported() || sgx.supported().isReported()
        || hyperv.supported().isReported();
  }

  /** Every feature absent until set. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().gic(gic).vmcoreinfo(vmcoreinfo).genid(genid)
        .backingStoreInput(backingStoreInput).backup(backup).s390Pv(s390Pv).sev(sev).sgx(sgx)
        .hyperv(hyperv);
  }

  public static final class Builder {
    private Capability gic = Capability.absent();
    private Supported vmcoreinfo = Supported.ABSENT;
    private Supported genid = Supported.ABSENT;
    private Supported backingStoreInput = Supported.ABSENT;
    private Supported backup = Supported.ABSENT;
    private Supported s390Pv = Supported.ABSENT;
    private Sev sev = Sev.absent();
    private Sgx sgx = Sgx.absent();
    private Capability hyperv = Capability.absent();

    private Builder() {}

    public Builder gic(Capability v) {
      gic = v;
      return this;
    }

    public Builder vmcoreinfo(Supported v) {
      vmcoreinfo = v;
      return this;
    }

    public Builder genid(Supported v) {
      genid = v;
      return this;
    }

    public Builder backingStoreInput(Supported v) {
      backingStoreInput = v;
      return this;
    }

    public Builder backup(Supported v) {
      backup = v;
      return this;
    }

    public Builder s390Pv(Supported v) {
      s390Pv = v;
      return this;
    }

    public Builder sev(Sev v) {
      sev = v;
      return this;
    }

    public Builder sgx(Sgx v) {
      sgx = v;
      return this;
    }

    public Builder hyperv(Capability v) {
      hyperv = v;
      return this;
    }

    public Features build() {
      return new Features(
          gic, vmcoreinfo, genid, backingStoreInput, backup, s390Pv, sev, sgx, hyperv);
    }
  }
}

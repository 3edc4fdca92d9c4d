// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;
import org.domcaps.model.LibvirtVersion;

import java.util.Objects;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;
import org.domcaps.qemu.host.HostFacts;

/**
 * Everything {@link DomCaps#answer} takes from its surroundings, so that nothing below the API
 * reads the environment: the host facts (arch, default emulators, KVM, VFIO, swtpm, SEV), how a
 * binary's capabilities are obtained, the firmware descriptors and the CPU logic.
 *
 * <p>Immutable; thread-safe when its parts are (those of {@link LiveOptions} are). Meant to be
 * built once and kept: see {@link LiveOptions} for what it caches and how it re-validates.
 */
public final class Options {
  private final HostFacts host;
  private final CapsLookup capsLookup;
  private final FirmwareCapsResolver firmware;
  private final CpuSource cpu;
  private final LibvirtVersion libvirt;

  private Options(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.capsLookup = Objects.requireNonNull(b.capsLookup, "capsLookup");
    this.firmware = Objects.requireNonNull(b.firmware, "firmware");
    this.cpu = Objects.requireNonNull(b.cpu, "cpu");
    this.libvirt = Objects.requireNonNull(b.libvirt, "libvirt");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().host(host).capsLookup(capsLookup).firmware(firmware).cpu(cpu)
        .libvirt(libvirt);
  }

  public HostFacts host() {
    return host;
  }

  public CapsLookup capsLookup() {
    return capsLookup;
  }

  public FirmwareCapsResolver firmware() {
    return firmware;
  }

  public CpuSource cpu() {
    return cpu;
  }

  /**
   * The libvirt release whose answer is given (9.0.0 unless set). The capabilities the lookup
   * returns must come from that release's probe: {@link LiveOptions} builds both from it.
   */
  public LibvirtVersion libvirt() {
    return libvirt;
  }

  /** Builder for {@link Options}; every part is required except the CPU logic. */
  public static final class Builder {
    private HostFacts host;
    private CapsLookup capsLookup;
    private FirmwareCapsResolver firmware;
    private CpuSource cpu = CpuSource.NONE;
    private LibvirtVersion libvirt = LibvirtVersion.V9_0;

    private Builder() {}

    public Builder host(HostFacts v) {
      host = v;
      return this;
    }

    public Builder capsLookup(CapsLookup v) {
      capsLookup = v;
      return this;
    }

    public Builder firmware(FirmwareCapsResolver v) {
      firmware = v;
      return this;
    }

    public Builder cpu(CpuSource v) {
      cpu = v;
      return this;
    }

    public Builder libvirt(LibvirtVersion v) {
      libvirt = v;
      return this;
    }

    public Options build() {
      return new Options(this);
    }
  }
}

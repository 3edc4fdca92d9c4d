// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.qemu.api;

import java.util.Objects;
import org.domcaps.qemu.firmware.FirmwareCapsResolver;

/**
 * Everything {@link DomCaps#answer} takes from its surroundings, so that nothing below the API
 * reads the environment: the host's arch, where emulators are searched, how a binary's
 * capabilities are obtained, the firmware descriptors, the host facts and the CPU logic.
 */
public final class Options {
  private final String hostArch;
  private final ProgramSearchPath searchPath;
  private final CapsLookup capsLookup;
  private final FirmwareCapsResolver firmware;
  private final FillFactsSource facts;
  private final CpuSource cpu;

  private Options(Builder b) {
    this.hostArch = Objects.requireNonNull(b.hostArch, "hostArch");
    this.searchPath = Objects.requireNonNull(b.searchPath, "searchPath");
    this.capsLookup = Objects.requireNonNull(b.capsLookup, "capsLookup");
    this.firmware = Objects.requireNonNull(b.firmware, "firmware");
    this.facts = Objects.requireNonNull(b.facts, "facts");
    this.cpu = Objects.requireNonNull(b.cpu, "cpu");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().hostArch(hostArch).searchPath(searchPath).capsLookup(capsLookup)
        .firmware(firmware).facts(facts).cpu(cpu);
  }

  public String hostArch() {
    return hostArch;
  }

  public ProgramSearchPath searchPath() {
    return searchPath;
  }

  public CapsLookup capsLookup() {
    return capsLookup;
  }

  public FirmwareCapsResolver firmware() {
    return firmware;
  }

  public FillFactsSource facts() {
    return facts;
  }

  public CpuSource cpu() {
    return cpu;
  }

  /** Builder for {@link Options}; every part is required except the CPU logic. */
  public static final class Builder {
    private String hostArch;
    private ProgramSearchPath searchPath;
    private CapsLookup capsLookup;
    private FirmwareCapsResolver firmware;
    private FillFactsSource facts;
    private CpuSource cpu = CpuSource.NONE;

    private Builder() {}

    /** libvirt arch of the host: the default arch and the CPU logic's host arch. */
    public Builder hostArch(String v) {
      hostArch = v;
      return this;
    }

    public Builder searchPath(ProgramSearchPath v) {
      searchPath = v;
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

    public Builder facts(FillFactsSource v) {
      facts = v;
      return this;
    }

    public Builder cpu(CpuSource v) {
      cpu = v;
      return this;
    }

    public Options build() {
      return new Options(this);
    }
  }
}

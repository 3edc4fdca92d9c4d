// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <cpu>}: the four modes libvirt always prints, each supported or not. host-model is
 * supported exactly when {@link #hostModel()} is present, custom exactly when {@link #custom()}
 * lists models (libvirt prints {@code supported='no'} for an empty list).
 */
public record Cpu(
    MigratableMode hostPassthrough,
    MigratableMode maximum,
    Optional<HostModel> hostModel,
    List<CpuModel> custom) {
  public Cpu {
    Objects.requireNonNull(hostPassthrough, "hostPassthrough");
    Objects.requireNonNull(maximum, "maximum");
    Objects.requireNonNull(hostModel, "hostModel");
    custom = List.copyOf(custom);
  }

  public boolean hostModelSupported() {
    return hostModel.isPresent();
  }

  public boolean customSupported() {
    return !custom.isEmpty();
  }

  /** Every mode unsupported until set. */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private MigratableMode hostPassthrough = MigratableMode.no();
    private MigratableMode maximum = MigratableMode.no();
    private HostModel hostModel;
    private final List<CpuModel> custom = new ArrayList<>();

    private Builder() {}

    public Builder hostPassthrough(MigratableMode mode) {
      this.hostPassthrough = mode;
      return this;
    }

    public Builder maximum(MigratableMode mode) {
      this.maximum = mode;
      return this;
    }

    /** Null leaves host-model unsupported. */
    public Builder hostModel(HostModel hostModel) {
      this.hostModel = hostModel;
      return this;
    }

    public Builder customModel(CpuModel model) {
      custom.add(Objects.requireNonNull(model));
      return this;
    }

    public Builder customModel(String name, Usable usable, boolean deprecated, String vendor) {
      return customModel(new CpuModel(name, usable, deprecated, vendor));
    }

    public Builder customModels(List<CpuModel> models) {
      models.forEach(this::customModel);
      return this;
    }

    public Cpu build() {
      return new Cpu(hostPassthrough, maximum, Optional.ofNullable(hostModel), custom);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <cpu>}: the four modes libvirt always prints, each supported or not. host-model is
 * supported exactly when {@link #hostModel()} is present, custom exactly when {@link #custom()}
 * lists models (libvirt prints {@code supported='no'} for an empty list). Built with
 * {@link #builder()}; immutable.
 */
public final class Cpu {
  private final MigratableMode hostPassthrough;
  private final MigratableMode maximum;
  private final Optional<HostModel> hostModel;
  private final List<CpuModel> custom;

  private Cpu(MigratableMode hostPassthrough, MigratableMode maximum,
      Optional<HostModel> hostModel, List<CpuModel> custom) {
    this.hostPassthrough = Objects.requireNonNull(hostPassthrough, "hostPassthrough");
    this.maximum = Objects.requireNonNull(maximum, "maximum");
    this.hostModel = Objects.requireNonNull(hostModel, "hostModel");
    this.custom = List.copyOf(custom);
  }

  public MigratableMode hostPassthrough() {
    return hostPassthrough;
  }

  public MigratableMode maximum() {
    return maximum;
  }

  public Optional<HostModel> hostModel() {
    return hostModel;
  }

  public List<CpuModel> custom() {
    return custom;
  }

  public Builder toBuilder() {
    return new Builder().hostPassthrough(hostPassthrough).maximum(maximum)
        .hostModel(hostModel.orElse(null)).customModels(custom);
  }

  private List<Object> components() {
    return List.of(hostPassthrough, maximum, hostModel, custom);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cpu c && c.components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  @Override
  public String toString() {
    return "Cpu" + components();
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

  /** Collects the modes. */
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

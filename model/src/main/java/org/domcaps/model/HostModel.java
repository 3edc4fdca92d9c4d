// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guest CPU of {@code <mode name='host-model' supported='yes'>}: {@code <model
 * fallback='..' [vendor_id='..']>name</model>}, optional {@code <vendor>}, then the features in
 * order.
 */
public record HostModel(
    String model,
    String fallback,
    Optional<String> vendorId,
    Optional<String> vendor,
    List<CpuFeature> features) {
  public HostModel {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(vendor, "vendor");
    features = List.copyOf(features);
  }

  /** Starts a host model named {@code model} with {@code fallback='forbid'}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  public static final class Builder {
    private final String model;
    private String fallback = "forbid";
    private String vendorId;
    private String vendor;
    private final List<CpuFeature> features = new ArrayList<>();

    private Builder(String model) {
      this.model = Objects.requireNonNull(model);
    }

    public Builder fallback(String fallback) {
      this.fallback = fallback;
      return this;
    }

    public Builder vendorId(String vendorId) {
      this.vendorId = vendorId;
      return this;
    }

    public Builder vendor(String vendor) {
      this.vendor = vendor;
      return this;
    }

    public Builder feature(String policy, String name) {
      features.add(new CpuFeature(policy, name));
      return this;
    }

    public Builder feature(CpuFeature feature) {
      features.add(Objects.requireNonNull(feature));
      return this;
    }

    public HostModel build() {
      return new HostModel(
          model, fallback, Optional.ofNullable(vendorId), Optional.ofNullable(vendor), features);
    }
  }
}

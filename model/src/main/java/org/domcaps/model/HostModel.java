// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guest CPU of {@code <mode name='host-model' supported='yes'>}: {@code <model
 * fallback='..' [vendor_id='..']>name</model>}, optional {@code <vendor>}, optional
 * {@code <maxphysaddr>} (libvirt 9.3 and later), then the features in order. Built with
 * {@link #builder(String)}; immutable.
 */
public final class HostModel {
  private final String model;
  private final String fallback;
  private final Optional<String> vendorId;
  private final Optional<String> vendor;
  private final Optional<MaxPhysAddr> maxPhysAddr;
  private final List<CpuFeature> features;

  private HostModel(Builder b) {
    model = b.model;
    fallback = Objects.requireNonNull(b.fallback, "fallback");
    vendorId = Optional.ofNullable(b.vendorId);
    vendor = Optional.ofNullable(b.vendor);
    maxPhysAddr = Optional.ofNullable(b.maxPhysAddr);
    features = List.copyOf(b.features);
  }

  /** Starts a host model named {@code model} with {@code fallback='forbid'}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  public Builder toBuilder() {
    Builder b = new Builder(model).fallback(fallback).vendorId(vendorId.orElse(null))
        .vendor(vendor.orElse(null)).maxPhysAddr(maxPhysAddr.orElse(null));
    features.forEach(b::feature);
    return b;
  }

  public String model() {
    return model;
  }

  /** libvirt's spelling: {@code allow} or {@code forbid} in any document libvirt prints. */
  public String fallback() {
    return fallback;
  }

  /** {@link #fallback()} as its constant; empty for a spelling this version has no constant for. */
  public Optional<CpuFallback> knownFallback() {
    return Optional.ofNullable(CpuFallback.fromXml(fallback));
  }

  public Optional<String> vendorId() {
    return vendorId;
  }

  public Optional<String> vendor() {
    return vendor;
  }

  /** {@code <maxphysaddr>} (libvirt 9.3 and later), when printed. */
  public Optional<MaxPhysAddr> maxPhysAddr() {
    return maxPhysAddr;
  }

  public List<CpuFeature> features() {
    return features;
  }

  private List<Object> components() {
    return List.of(model, fallback, vendorId, vendor, maxPhysAddr, features);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostModel h && h.components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  @Override
  public String toString() {
    return "HostModel" + components();
  }

  /** Collects the host model's parts. */
  public static final class Builder {
    private final String model;
    private String fallback = CpuFallback.FORBID.xmlValue();
    private String vendorId;
    private String vendor;
    private MaxPhysAddr maxPhysAddr;
    private final List<CpuFeature> features = new ArrayList<>();

    private Builder(String model) {
      this.model = Objects.requireNonNull(model);
    }

    public Builder fallback(String fallback) {
      this.fallback = fallback;
      return this;
    }

    public Builder fallback(CpuFallback fallback) {
      return fallback(Objects.requireNonNull(fallback, "fallback").xmlValue());
    }

    public Builder vendorId(String vendorId) {
      this.vendorId = vendorId;
      return this;
    }

    public Builder vendor(String vendor) {
      this.vendor = vendor;
      return this;
    }

    /** Null for none. */
    public Builder maxPhysAddr(MaxPhysAddr maxPhysAddr) {
      this.maxPhysAddr = maxPhysAddr;
      return this;
    }

    public Builder feature(String policy, String name) {
      features.add(new CpuFeature(policy, name));
      return this;
    }

    public Builder feature(CpuFeaturePolicy policy, String name) {
      return feature(CpuFeature.of(policy, name));
    }

    public Builder feature(CpuFeature feature) {
      features.add(Objects.requireNonNull(feature));
      return this;
    }

    /** Appends these features in order. */
    public Builder features(List<CpuFeature> more) {
      more.forEach(this::feature);
      return this;
    }

    /** Removes every feature added so far. */
    public Builder clearFeatures() {
      features.clear();
      return this;
    }

    public HostModel build() {
      return new HostModel(this);
    }
  }
}

// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <os>}: the firmware enum, {@code <firmwareFeatures>} (libvirt 12.1 and later), the
 * {@link Loader} and {@code <varstore>} (12.1 and later). Only a {@link Supported#YES} os carries
 * details. Built with {@link #builder()} or the factories; immutable.
 */
public final class Os {
  private static final Os ABSENT = new Os(Supported.ABSENT, List.of(), Capability.absent(),
      Loader.absent(), Supported.ABSENT);
  private static final Os UNSUPPORTED = new Os(Supported.NO, List.of(), Capability.absent(),
      Loader.absent(), Supported.ABSENT);

  private final Supported supported;
  private final List<CapsEnum> enums;
  private final Capability firmwareFeatures;
  private final Loader loader;
  private final Supported varstore;

  private Os(Supported supported, List<CapsEnum> enums, Capability firmwareFeatures,
      Loader loader, Supported varstore) {
    this.supported = Objects.requireNonNull(supported, "supported");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.firmwareFeatures = Objects.requireNonNull(firmwareFeatures, "firmwareFeatures");
    this.varstore = Objects.requireNonNull(varstore, "varstore");
    this.enums = Enums.copyDistinct("os", enums);
    Enums.requireEmptyUnlessYes("os", supported, this.enums);
    if (supported != Supported.YES && (loader.supported().isReported()
        || firmwareFeatures.supported().isReported() || varstore.isReported())) {
      throw new IllegalArgumentException(
          "os with supported=" + supported
          + " cannot carry a loader, firmwareFeatures or varstore");
    }
  }

  public static Os absent() {
    return ABSENT;
  }

  public static Os unsupported() {
    return UNSUPPORTED;
  }

  /** {@code supported='yes'} with these enums (normally just firmware) and loader. */
  public static Os supported(Loader loader, CapsEnum... enums) {
    return builder().loader(loader).enums(List.of(enums)).build();
  }

  /** A {@code supported='yes'} os, empty until set. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().enums(enums).firmwareFeatures(firmwareFeatures).loader(loader)
        .varstore(varstore);
  }

  public Supported supported() {
    return supported;
  }

  public List<CapsEnum> enums() {
    return enums;
  }

  /** {@code <firmwareFeatures>} with its secureBoot and enrolledKeys enums (libvirt 12.1+). */
  public Capability firmwareFeatures() {
    return firmwareFeatures;
  }

  public Loader loader() {
    return loader;
  }

  /** {@code <varstore supported='..'/>} (libvirt 12.1 and later). */
  public Supported varstore() {
    return varstore;
  }

  public Optional<CapsEnum> findEnum(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The firmware enum, if reported. */
  public Optional<CapsEnum> firmware() {
    return findEnum("firmware");
  }

  private List<Object> components() {
    return List.of(supported, enums, firmwareFeatures, loader, varstore);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Os x && x.components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  @Override
  public String toString() {
    return "Os" + components();
  }

  /** Builds a {@code supported='yes'} os. */
  public static final class Builder {
    private List<CapsEnum> enums = List.of();
    private Capability firmwareFeatures = Capability.absent();
    private Loader loader = Loader.absent();
    private Supported varstore = Supported.ABSENT;

    private Builder() {}

    public Builder enums(List<CapsEnum> v) {
      enums = List.copyOf(v);
      return this;
    }

    public Builder firmwareFeatures(Capability v) {
      firmwareFeatures = v;
      return this;
    }

    public Builder loader(Loader v) {
      loader = v;
      return this;
    }

    public Builder varstore(Supported v) {
      varstore = v;
      return this;
    }

    public Os build() {
      return new Os(Supported.YES, enums, firmwareFeatures, loader, varstore);
    }
  }
}

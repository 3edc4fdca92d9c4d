// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An element made of a tri-state {@code supported} and named enums: memoryBacking, every device,
 * gic and hyperv. Enums are kept in insertion order; the writer prints them in libvirt's order.
 * Only a {@link Supported#YES} capability carries enums (libvirt prints nothing inside a
 * {@code supported='no'} element).
 */
public record Capability(Supported supported, List<CapsEnum> enums) {
  private static final Capability ABSENT = new Capability(Supported.ABSENT, List.of());
  private static final Capability UNSUPPORTED = new Capability(Supported.NO, List.of());

  public Capability {
    Objects.requireNonNull(supported, "supported");
    enums = Enums.copyDistinct("capability", enums);
    Enums.requireEmptyUnlessYes("capability", supported, enums);
  }

  /** Not reported: the element is omitted. */
  public static Capability absent() {
    return ABSENT;
  }

  /** {@code supported='no'}. */
  public static Capability unsupported() {
    return UNSUPPORTED;
  }

  /** {@code supported='yes'} with these enums. */
  public static Capability supported(CapsEnum... enums) {
    return new Capability(Supported.YES, Arrays.asList(enums));
  }

  public static Capability supported(List<CapsEnum> enums) {
    return new Capability(Supported.YES, enums);
  }

  /** Builds a {@code supported='yes'} capability value by value. */
  public static Builder builder() {
    return new Builder();
  }

  /** The enum of this name, if reported. */
  public Optional<CapsEnum> findEnum(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Values of the named enum; empty when the enum is empty or not reported. */
  public List<String> values(String enumName) {
    return findEnum(enumName).map(CapsEnum::values).orElse(List.of());
  }

  /** Accumulates enums in first-use order; values are deduplicated. */
  public static final class Builder extends EnumsBuilder<Builder> {
    private Builder() {}

    public Capability build() {
      return new Capability(Supported.YES, enums());
    }
  }
}

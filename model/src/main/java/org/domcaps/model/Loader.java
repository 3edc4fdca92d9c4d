// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <os><loader>}: firmware paths ({@code <value>}) and the enums type, readonly and secure.
 */
public record Loader(Supported supported, List<String> values, List<CapsEnum> enums) {
  private static final Loader ABSENT = new Loader(Supported.ABSENT, List.of(), List.of());
  private static final Loader UNSUPPORTED = new Loader(Supported.NO, List.of(), List.of());

  public Loader {
    Objects.requireNonNull(supported, "supported");
    values = List.copyOf(values);
    enums = Enums.copyDistinct("loader", enums);
    Enums.requireEmptyUnlessYes("loader", supported, values);
    Enums.requireEmptyUnlessYes("loader", supported, enums);
  }

  public static Loader absent() {
    return ABSENT;
  }

  public static Loader unsupported() {
    return UNSUPPORTED;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<CapsEnum> findEnum(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Builds a {@code supported='yes'} loader. */
  public static final class Builder extends EnumsBuilder<Builder> {
    private final List<String> values = new ArrayList<>();

    private Builder() {}

    /** A firmware path, printed as {@code <value>}. */
    public Builder path(String path) {
      values.add(Objects.requireNonNull(path));
      return this;
    }

    public Loader build() {
      return new Loader(Supported.YES, values, enums());
    }
  }
}

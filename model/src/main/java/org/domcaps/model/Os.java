// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code <os>}: the firmware enum and the {@link Loader}. */
public record Os(Supported supported, List<CapsEnum> enums, Loader loader) {
  private static final Os ABSENT = new Os(Supported.ABSENT, List.of(), Loader.absent());
  private static final Os UNSUPPORTED = new Os(Supported.NO, List.of(), Loader.absent());

  public Os {
    Objects.requireNonNull(supported, "supported");
    Objects.requireNonNull(loader, "loader");
    enums = Enums.copyDistinct("os", enums);
    Enums.requireEmptyUnlessYes("os", supported, enums);
    if (supported != Supported.YES && loader.supported().isReported()) {
      throw new IllegalArgumentException("os with supported=" + supported + " cannot carry a loader");
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
    return new Os(Supported.YES, List.of(enums), loader);
  }

  public Optional<CapsEnum> findEnum(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The firmware enum, if reported. */
  public Optional<CapsEnum> firmware() {
    return findEnum("firmware");
  }
}

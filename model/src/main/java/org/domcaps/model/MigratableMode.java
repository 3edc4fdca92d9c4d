// SPDX-License-Identifier: LGPL-2.1-or-later
package org.domcaps.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host-passthrough or maximum CPU mode. libvirt always reports these (yes or no); when
 * supported it may add the {@code hostPassthroughMigratable} / {@code maximumMigratable} enum,
 * here {@link #migratable()} (absent = enum not reported, present and empty = {@code <enum
 * name='..'/>}).
 */
public record MigratableMode(boolean supported, Optional<List<String>> migratable) {
  private static final MigratableMode UNSUPPORTED = new MigratableMode(false, Optional.empty());
  private static final MigratableMode SUPPORTED = new MigratableMode(true, Optional.empty());

  public MigratableMode {
    Objects.requireNonNull(migratable, "migratable");
    migratable = migratable.map(List::copyOf);
    if (!supported && migratable.isPresent()) {
      throw new IllegalArgumentException("an unsupported CPU mode cannot report migratable values");
    }
  }

  /** {@code supported='no'}. */
  public static MigratableMode no() {
    return UNSUPPORTED;
  }

  /** {@code supported='yes'} without the migratable enum. */
  public static MigratableMode yes() {
    return SUPPORTED;
  }

  /** {@code supported='yes'} with the migratable enum holding these values (e.g. "on", "off"). */
  public static MigratableMode yes(String... migratableValues) {
    return new MigratableMode(true, Optional.of(List.of(migratableValues)));
  }

  /** {@code supported='yes'} with the migratable enum holding these values, in this order. */
  public static MigratableMode yes(Migratable... migratableValues) {
    return new MigratableMode(true, Optional.of(
        Stream.of(migratableValues).map(Migratable::xmlValue).toList()));
  }
}
